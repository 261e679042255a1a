package cn.gridwatch.problems;

import cn.gridwatch.security.ConflictException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The allowed status changes of a problem, and the rules a change must meet. Pure and thread-safe.
 *
 * <pre>
 * found      → assigned, closed_unfixed
 * assigned   → rectifying, closed_unfixed
 * rectifying → verified, assigned (rectification refused: back to the assignee), closed_unfixed
 * verified   → closed, assigned (reopen)
 * closed     → assigned (reopen)
 * closed_unfixed → assigned (reopen)
 * </pre>
 * Reopening always goes back to {@code assigned}: the problem returns to a responsible person, who
 * must rectify it again and have it verified again. Entering {@code assigned} needs an assignee
 * (given with the change, or the one the problem already has); {@code closed_unfixed} needs a reason.
 */
public final class ProblemLifecycle {
    private static final Map<ProblemStatus, Set<ProblemStatus>> NEXT = new EnumMap<>(ProblemStatus.class);

    static {
        NEXT.put(ProblemStatus.FOUND, EnumSet.of(ProblemStatus.ASSIGNED, ProblemStatus.CLOSED_UNFIXED));
        NEXT.put(ProblemStatus.ASSIGNED, EnumSet.of(ProblemStatus.RECTIFYING, ProblemStatus.CLOSED_UNFIXED));
        NEXT.put(ProblemStatus.RECTIFYING, EnumSet.of(ProblemStatus.VERIFIED, ProblemStatus.ASSIGNED,
                ProblemStatus.CLOSED_UNFIXED));
        NEXT.put(ProblemStatus.VERIFIED, EnumSet.of(ProblemStatus.CLOSED, ProblemStatus.ASSIGNED));
        NEXT.put(ProblemStatus.CLOSED, EnumSet.of(ProblemStatus.ASSIGNED));
        NEXT.put(ProblemStatus.CLOSED_UNFIXED, EnumSet.of(ProblemStatus.ASSIGNED));
    }

    private ProblemLifecycle() {
    }

    /** The statuses {@code from} may move to, in lifecycle order. */
    public static Set<ProblemStatus> allowedFrom(ProblemStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    /** True when moving from {@code from} to {@code to} reopens a finished or verified problem. */
    public static boolean isReopen(ProblemStatus from, ProblemStatus to) {
        return to == ProblemStatus.ASSIGNED && (from.isClosed() || from == ProblemStatus.VERIFIED);
    }

    /**
     * Checks one change.
     *
     * @param assignee the assignee the problem will have after the change (given or kept), or null
     * @param reason   the reason given with the change, or null
     * @throws ConflictException        (409) when {@code to} is not allowed from {@code from}; the message
     *                                  names both and the allowed statuses
     * @throws IllegalArgumentException (400) when the change is allowed but lacks its assignee or reason
     */
    public static void check(ProblemStatus from, ProblemStatus to, String assignee, String reason) {
        Set<ProblemStatus> allowed = NEXT.get(from);
        if (!allowed.contains(to)) {
            throw new ConflictException("a problem cannot move from '" + from.id() + "' to '" + to.id() + "'; from '"
                    + from.id() + "' it may move to: " + names(allowed)
                    + (from.isClosed() ? " (a closed problem can only be reopened)" : ""));
        }
        if (to == ProblemStatus.ASSIGNED && blank(assignee)) {
            throw new IllegalArgumentException("moving from '" + from.id() + "' to 'assigned' needs field 'assignee'"
                    + " (who is responsible); the problem has none yet");
        }
        if (to == ProblemStatus.CLOSED_UNFIXED && blank(reason)) {
            throw new IllegalArgumentException("moving from '" + from.id() + "' to 'closed_unfixed' needs field"
                    + " 'reason' (why the problem is closed without a fix)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String names(Set<ProblemStatus> s) {
        return s.stream().map(ProblemStatus::id).collect(Collectors.joining(", "));
    }
}
