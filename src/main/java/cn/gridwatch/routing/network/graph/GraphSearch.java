package cn.gridwatch.routing.network.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Dijkstra's algorithm on a {@link RoadGraph}, from a point part-way along an edge to points part-way
 * along edges, minimising seconds; the metres reported are those of the time-shortest path found.
 * A search leaves the start edge towards its target (when the edge may be driven forward) and
 * towards its source (when it may be driven backward) with the matching share of the edge's cost,
 * and reaches a destination edge from its source (forward) or target (backward); two points on one
 * edge are also joined directly along it when the direction allows. That is the model of
 * pgRouting's {@code pgr_withPoints} with {@code driving_side => 'b'}. A point at fraction 0 or 1
 * is at the edge's source or target vertex, whatever the edge's direction. The search stops once
 * every vertex the destinations need is settled.
 *
 * <p>Holds per-search arrays sized to the graph: one instance per thread, reused across searches
 * (arrays are reset lazily with a stamp). Not thread-safe.
 */
public final class GraphSearch {
    /** The time of an unreachable destination. */
    public static final double INFINITE = Double.POSITIVE_INFINITY;
    private static final int FROM_START_FORWARD = -1;
    private static final int FROM_START_BACKWARD = -2;
    private final RoadGraph g;
    private final double[] dist;
    private final double[] metres;
    private final int[] pred;
    private final int[] seen;
    private final int[] settled;
    private final int[] needed;
    private final int[] heap;
    private final int[] pos;
    private int heapSize;
    private int stamp;
    private Snap start;

    public GraphSearch(RoadGraph g) {
        this.g = g;
        int n = g.vertexCount;
        dist = new double[n];
        metres = new double[n];
        pred = new int[n];
        seen = new int[n];
        settled = new int[n];
        needed = new int[n];
        heap = new int[n];
        pos = new int[n];
    }

    /** Seconds and metres of one destination, {@link #INFINITE} seconds when there is no path. */
    public record Leg(double seconds, double metres) {
        public boolean reachable() {
            return seconds < INFINITE;
        }
    }

    /** Searches from {@code from} until every destination in {@code to} has its answer; returns them in order. */
    public Leg[] run(Snap from, List<Snap> to) {
        check(from);
        start = from;
        stamp++;
        heapSize = 0;
        int remaining = 0;
        for (Snap t : to) {
            check(t);
            remaining += need(g.source[t.edge()]) + need(g.target[t.edge()]);
        }
        int e = from.edge();
        double f = from.fraction();
        if (g.forward(e) || f == 1) {
            relax(g.target[e], (1 - f) * Math.max(0, g.cost[e]), (1 - f) * g.length[e], FROM_START_FORWARD);
        }
        if (g.backward(e) || f == 0) {
            relax(g.source[e], f * Math.max(0, g.reverseCost[e]), f * g.length[e], FROM_START_BACKWARD);
        }
        while (remaining > 0 && heapSize > 0) {
            int v = pop();
            settled[v] = stamp;
            if (needed[v] == stamp) {
                remaining--;
            }
            for (int a = g.firstArc[v]; a < g.firstArc[v + 1]; a++) {
                int w = g.arcHead[a];
                if (settled[w] == stamp) {
                    continue;
                }
                int edge = g.arcEdge[a];
                double c = g.arcForward[a] ? g.cost[edge] : g.reverseCost[edge];
                relax(w, dist[v] + c, metres[v] + g.length[edge], a);
            }
        }
        Leg[] out = new Leg[to.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = leg(to.get(i)).leg;
        }
        return out;
    }

    /**
     * The road geometry of the best path from the last {@link #run}'s start to {@code to} (which must
     * have been one of its destinations), as lon/lat pairs from the start's snapped location to the
     * destination's; null when unreachable.
     */
    public double[] path(Snap to) {
        Choice c = leg(to);
        if (!c.leg.reachable()) {
            return null;
        }
        List<double[]> parts = new ArrayList<>();
        int te = to.edge();
        if (c.direct) {
            parts.add(Polyline.part(g.xy[te], start.fraction(), to.fraction()));
            return concat(parts);
        }
        parts.add(c.viaSource ? Polyline.part(g.xy[te], 0, to.fraction()) : Polyline.part(g.xy[te], 1, to.fraction()));
        int v = c.viaSource ? g.source[te] : g.target[te];
        while (pred[v] >= 0) {
            int a = pred[v];
            int edge = g.arcEdge[a];
            parts.add(g.arcForward[a] ? g.xy[edge] : Polyline.reversed(g.xy[edge]));
            v = g.arcForward[a] ? g.source[edge] : g.target[edge];
        }
        int se = start.edge();
        parts.add(pred[v] == FROM_START_FORWARD ? Polyline.part(g.xy[se], start.fraction(), 1)
                : Polyline.part(g.xy[se], start.fraction(), 0));
        Collections.reverse(parts);
        return concat(parts);
    }

    private record Choice(Leg leg, boolean direct, boolean viaSource) {
    }

    private Choice leg(Snap t) {
        int e = t.edge();
        double f = t.fraction();
        double best = INFINITE;
        double bestM = 0;
        boolean direct = false;
        boolean viaSource = false;
        if (e == start.edge()) {
            double sf = start.fraction();
            if (f == sf) {
                best = 0;
                bestM = 0;
                direct = true;
            } else if (g.forward(e) && f >= sf) {
                best = (f - sf) * g.cost[e];
                bestM = (f - sf) * g.length[e];
                direct = true;
            } else if (g.backward(e) && f <= sf) {
                best = (sf - f) * g.reverseCost[e];
                bestM = (sf - f) * g.length[e];
                direct = true;
            }
        }
        int s = g.source[e];
        if ((g.forward(e) || f == 0) && settled[s] == stamp && dist[s] + f * Math.max(0, g.cost[e]) < best) {
            best = dist[s] + f * Math.max(0, g.cost[e]);
            bestM = metres[s] + f * g.length[e];
            direct = false;
            viaSource = true;
        }
        int tv = g.target[e];
        if ((g.backward(e) || f == 1) && settled[tv] == stamp && dist[tv] + (1 - f) * Math.max(0, g.reverseCost[e]) < best) {
            best = dist[tv] + (1 - f) * Math.max(0, g.reverseCost[e]);
            bestM = metres[tv] + (1 - f) * g.length[e];
            direct = false;
            viaSource = false;
        }
        return new Choice(new Leg(best, best < INFINITE ? bestM : 0), direct, viaSource);
    }

    private void check(Snap s) {
        if (s.graph() != g || !s.onRoad()) {
            throw new IllegalArgumentException("point " + s.point() + " is not on network " + g.name);
        }
    }

    private int need(int v) {
        if (needed[v] == stamp) {
            return 0;
        }
        needed[v] = stamp;
        return 1;
    }

    private void relax(int v, double d, double m, int arc) {
        if (seen[v] != stamp) {
            seen[v] = stamp;
            dist[v] = d;
            metres[v] = m;
            pred[v] = arc;
            pos[v] = heapSize;
            heap[heapSize++] = v;
            up(pos[v]);
        } else if (d < dist[v]) {
            dist[v] = d;
            metres[v] = m;
            pred[v] = arc;
            up(pos[v]);
        }
    }

    private int pop() {
        int top = heap[0];
        int last = heap[--heapSize];
        if (heapSize > 0) {
            heap[0] = last;
            pos[last] = 0;
            down(0);
        }
        return top;
    }

    private void up(int i) {
        int v = heap[i];
        double d = dist[v];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (dist[p] <= d) {
                break;
            }
            heap[i] = p;
            pos[p] = i;
            i = parent;
        }
        heap[i] = v;
        pos[v] = i;
    }

    private void down(int i) {
        int v = heap[i];
        double d = dist[v];
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && dist[heap[child + 1]] < dist[heap[child]]) {
                child++;
            }
            int c = heap[child];
            if (dist[c] >= d) {
                break;
            }
            heap[i] = c;
            pos[c] = i;
            i = child;
        }
        heap[i] = v;
        pos[v] = i;
    }

    private static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            for (int i = 0; i < p.length; i += 2) {
                if (k >= 2 && out[k - 2] == p[i] && out[k - 1] == p[i + 1]) {
                    continue; // the shared vertex where two parts meet
                }
                out[k++] = p[i];
                out[k++] = p[i + 1];
            }
        }
        if (k == 2) {
            return new double[] {out[0], out[1], out[0], out[1]};
        }
        return Arrays.copyOf(out, k);
    }
}
