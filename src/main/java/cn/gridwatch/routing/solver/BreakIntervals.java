package cn.gridwatch.routing.solver;

import com.google.ortools.constraintsolver.IntervalVar;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import java.util.List;

/**
 * The vehicles' breaks ({@link Vehicle#hasBreak}) as OR-Tools break intervals on the time dimension:
 * one fixed-duration interval per vehicle whose start lies in the break's range, which may not
 * overlap the service part of any transit (travel may be interrupted by it). Stateless.
 */
final class BreakIntervals {
    private BreakIntervals() {
    }

    static void install(RoutingProblem p, List<Integer> live, RoutingIndexManager manager, RoutingModel routing,
            RoutingDimension time) {
        long[] visitTransits = null;
        for (int v = 0; v < p.vehicles().size(); v++) {
            Vehicle veh = p.vehicles().get(v);
            if (!veh.hasBreak()) {
                continue;
            }
            if (visitTransits == null) { // the service part of each transit, which a break may not interrupt
                visitTransits = new long[(int) routing.size()];
                for (int index = 0; index < visitTransits.length; index++) {
                    visitTransits[index] = p.service(live.get(manager.indexToNode(index)));
                }
            }
            IntervalVar lunch = routing.solver().makeFixedDurationIntervalVar(veh.breakEarliest(), veh.breakLatest(),
                    veh.breakDuration(), false, "break" + v);
            time.setBreakIntervalsOfVehicle(new IntervalVar[] {lunch}, v, visitTransits);
        }
    }
}
