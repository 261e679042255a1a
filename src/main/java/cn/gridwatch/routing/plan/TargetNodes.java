package cn.gridwatch.routing.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which target each solver node of a plan stands for: nodes {@code base..base+n-1} are the targets
 * in order, further nodes are alternatives (other days' windows) of a target; {@code noDay} holds the
 * targets whose dated windows fall on none of the plan's days. Filled by {@link RoutePlanner} while
 * it builds the problem; one per plan computation, not thread-safe.
 */
final class TargetNodes {
    final int base;
    final List<Integer> extraTarget = new ArrayList<>();
    final Set<Integer> noDay = new HashSet<>();
    private final int targets;

    TargetNodes(int base, int targets) {
        this.base = base;
        this.targets = targets;
    }

    int target(int node) {
        return node < base + targets ? node - base : extraTarget.get(node - base - targets);
    }

    int point(int node) {
        return base + target(node);
    }
}
