package cn.gridwatch.routing.network.osm;

import cn.gridwatch.routing.network.RoadClass;
import cn.gridwatch.routing.network.graph.Polyline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a routable network from an OSM file in two streaming passes: the first keeps the routable
 * ways ({@link WayRules}) and counts how often each of their nodes is used, the second keeps the
 * coordinates of those nodes only. Ways are then split at every node that more than one way (or one
 * way twice) uses, and at their ends, so edges meet exactly at junctions; a node a way uses but the
 * file lacks cuts the way there (counted in {@code missingNodes}). Vertex and edge ids follow file
 * order, so the same file gives the same ids. Memory: the routable ways' node ids and the
 * coordinates of their nodes, never the whole file. One instance per build; not thread-safe.
 */
public final class NetworkBuilder {
    private final List<long[]> wayRefs = new ArrayList<>();
    private final List<Long> wayIds = new ArrayList<>();
    private final List<WayRules.RoadAttributes> wayAttrs = new ArrayList<>();
    private final LongIntMap slotOf = new LongIntMap(1 << 16);
    private int[] uses = new int[1 << 16];
    private double[] coords;
    private boolean[] present;
    private long osmNodes;
    private long osmWays;

    /** Reads {@code file} (format sniffed) and builds its network. @throws IllegalArgumentException on a bad file */
    public static BuiltNetwork build(Path file, OsmFormat format) {
        NetworkBuilder b = new NetworkBuilder();
        OsmReader.read(file, format, b.wayPass());
        b.coords = new double[b.slotOf.size() * 2];
        b.present = new boolean[b.slotOf.size()];
        OsmReader.read(file, format, b.nodePass());
        return b.assemble(format);
    }

    private OsmHandler wayPass() {
        return new OsmHandler() {
            @Override
            public boolean wantsNodes() {
                return false;
            }

            @Override
            public boolean wantsWays() {
                return true;
            }

            @Override
            public void node(long id, double lon, double lat) {
                // not asked for
            }

            @Override
            public void way(long id, long[] refs, Map<String, String> tags) {
                osmWays++;
                WayRules.RoadAttributes a = WayRules.of(tags);
                long[] nodes = withoutRepeats(refs);
                if (a == null || nodes.length < 2) {
                    return;
                }
                wayIds.add(id);
                wayRefs.add(nodes);
                wayAttrs.add(a);
                for (long ref : nodes) {
                    int slot = slotOf.get(ref);
                    if (slot == LongIntMap.MISSING) {
                        slot = slotOf.size();
                        slotOf.put(ref, slot);
                        if (slot == uses.length) {
                            uses = Arrays.copyOf(uses, uses.length * 2);
                        }
                    }
                    uses[slot]++;
                }
            }
        };
    }

    private OsmHandler nodePass() {
        return new OsmHandler() {
            @Override
            public boolean wantsNodes() {
                return true;
            }

            @Override
            public boolean wantsWays() {
                return false;
            }

            @Override
            public void node(long id, double lon, double lat) {
                osmNodes++;
                int slot = slotOf.get(id);
                if (slot != LongIntMap.MISSING) {
                    coords[2 * slot] = lon;
                    coords[2 * slot + 1] = lat;
                    present[slot] = true;
                }
            }

            @Override
            public void way(long id, long[] refs, Map<String, String> tags) {
                // not asked for
            }
        };
    }

    private BuiltNetwork assemble(OsmFormat format) {
        int[] vertexOfSlot = new int[slotOf.size()];
        List<Long> vertexOsm = new ArrayList<>();
        List<EdgeDraft> drafts = new ArrayList<>();
        long missing = 0;
        for (int w = 0; w < wayRefs.size(); w++) {
            long[] refs = wayRefs.get(w);
            double[] xy = new double[refs.length * 2];
            int n = 0;
            int startSlot = -1;
            for (int i = 0; i < refs.length; i++) {
                int slot = slotOf.get(refs[i]);
                if (!present[slot]) {
                    missing++;
                    if (n >= 4) {
                        drafts.add(draft(w, startSlot, lastSlot(refs, i), Arrays.copyOf(xy, n), vertexOfSlot, vertexOsm));
                    }
                    n = 0;
                    startSlot = -1;
                    continue;
                }
                xy[n++] = coords[2 * slot];
                xy[n++] = coords[2 * slot + 1];
                if (startSlot < 0) {
                    startSlot = slot;
                } else if (uses[slot] > 1 || i == refs.length - 1) {
                    drafts.add(draft(w, startSlot, slot, Arrays.copyOf(xy, n), vertexOfSlot, vertexOsm));
                    xy[0] = xy[n - 2];
                    xy[1] = xy[n - 1];
                    n = 2;
                    startSlot = slot;
                }
            }
        }
        drafts.removeIf(d -> d.length <= 0);
        return finish(format, vertexOsm, drafts, missing);
    }

    /** The refs without immediate repeats (a node listed twice in a row is one point, not a junction). */
    private static long[] withoutRepeats(long[] refs) {
        long[] out = new long[refs.length];
        int n = 0;
        for (int i = 0; i < refs.length; i++) {
            if (i == 0 || refs[i] != refs[i - 1]) {
                out[n++] = refs[i];
            }
        }
        return n == refs.length ? refs : Arrays.copyOf(out, n);
    }

    /** The slot of the last present node before index {@code i} (the segment's end before a gap). */
    private int lastSlot(long[] refs, int i) {
        for (int j = i - 1; j >= 0; j--) {
            int s = slotOf.get(refs[j]);
            if (present[s]) {
                return s;
            }
        }
        throw new IllegalStateException("a segment before a gap has no node");
    }

    private EdgeDraft draft(int way, int fromSlot, int toSlot, double[] xy, int[] vertexOfSlot, List<Long> vertexOsm) {
        return new EdgeDraft(way, vertex(fromSlot, vertexOfSlot, vertexOsm), vertex(toSlot, vertexOfSlot, vertexOsm), xy,
                Polyline.length(xy));
    }

    private int vertex(int slot, int[] vertexOfSlot, List<Long> vertexOsm) {
        if (vertexOfSlot[slot] == 0) {
            vertexOsm.add((long) slot); // the slot for now; its OSM id is looked up in finish()
            vertexOfSlot[slot] = vertexOsm.size();
        }
        return vertexOfSlot[slot];
    }

    private BuiltNetwork finish(OsmFormat format, List<Long> vertexSlots, List<EdgeDraft> drafts, long missing) {
        int nv = vertexSlots.size();
        long[] slotToOsm = new long[slotOf.size()];
        slotOf.forEach((id, slot) -> slotToOsm[slot] = id);
        long[] osmIds = new long[nv];
        double[] vxy = new double[nv * 2];
        for (int v = 0; v < nv; v++) {
            int slot = (int) (long) vertexSlots.get(v);
            osmIds[v] = slotToOsm[slot];
            vxy[2 * v] = coords[2 * slot];
            vxy[2 * v + 1] = coords[2 * slot + 1];
        }
        Components comp = Components.of(nv, drafts);
        List<BuiltEdge> edges = new ArrayList<>(drafts.size());
        Map<String, Integer> byClass = new TreeMap<>();
        int isolated = 0;
        int oneWay = 0;
        double km = 0;
        for (EdgeDraft d : drafts) {
            WayRules.RoadAttributes a = wayAttrs.get(d.way);
            double seconds = d.length / (a.speedKmh() / 3.6);
            int c = comp.componentOf(d.source);
            boolean iso = comp.isIsolated(c);
            edges.add(new BuiltEdge(wayIds.get(d.way), d.source, d.target, d.length, a.forward() ? seconds : -1,
                    a.backward() ? seconds : -1, a.roadClass(), a.speedKmh(), a.maxspeedKmh(), a.name(), d.xy, c, iso));
            byClass.merge(a.roadClass().tag(), 1, Integer::sum);
            isolated += iso ? 1 : 0;
            oneWay += a.forward() && a.backward() ? 0 : 1;
            km += d.length / 1000;
        }
        return new BuiltNetwork(format.id(), osmNodes, osmWays, wayIds.size(), missing, osmIds, vxy, edges,
                comp.count(), comp.largest(), isolated, oneWay, km, byClass);
    }

    /** An edge before its component is known. */
    record EdgeDraft(int way, int source, int target, double[] xy, double length) {
    }

    /** Undirected connected components of vertices 1..n (union-find), numbered by size, largest 0. */
    static final class Components {
        private final int[] rankOfRoot;
        private final int[] parent;
        private final int[] sizes;
        private final int largest;

        private Components(int[] parent, int[] rankOfRoot, int[] sizes) {
            this.parent = parent;
            this.rankOfRoot = rankOfRoot;
            this.sizes = sizes;
            this.largest = sizes.length == 0 ? 0 : sizes[0];
        }

        static Components of(int n, List<EdgeDraft> edges) {
            int[] parent = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                parent[i] = i;
            }
            for (EdgeDraft e : edges) {
                int a = find(parent, e.source);
                int b = find(parent, e.target);
                if (a != b) {
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
            int[] size = new int[n + 1];
            for (int v = 1; v <= n; v++) {
                size[find(parent, v)]++;
            }
            List<Integer> roots = new ArrayList<>();
            for (int v = 1; v <= n; v++) {
                if (find(parent, v) == v) {
                    roots.add(v);
                }
            }
            // by size, then by lowest vertex id: deterministic
            roots.sort((x, y) -> size[y] != size[x] ? Integer.compare(size[y], size[x]) : Integer.compare(x, y));
            int[] rank = new int[n + 1];
            int[] sizes = new int[roots.size()];
            for (int r = 0; r < roots.size(); r++) {
                rank[roots.get(r)] = r;
                sizes[r] = size[roots.get(r)];
            }
            return new Components(parent, rank, sizes);
        }

        int componentOf(int vertex) {
            return rankOfRoot[find(parent, vertex)];
        }

        boolean isIsolated(int component) {
            return component > 0 && sizes[component] < Math.min(RoadClass.MIN_CONNECTED_VERTICES, largest);
        }

        int count() {
            return sizes.length;
        }

        int largest() {
            return largest;
        }

        private static int find(int[] parent, int v) {
            while (parent[v] != v) {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }
            return v;
        }
    }
}
