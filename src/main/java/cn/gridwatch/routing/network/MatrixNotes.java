package cn.gridwatch.routing.network;

import cn.gridwatch.routing.network.graph.Snap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes the notes of a road matrix in words a plan can show: which networks were used, how far
 * points were moved onto roads, which points fell back to the great-circle estimate and why, and
 * which are unreachable. Lists at most {@value #MAX_LISTED} points per kind, then a count. Not
 * thread-safe (one per matrix).
 */
final class MatrixNotes {
    static final int MAX_LISTED = 20;
    private final List<String> notes = new ArrayList<>();

    static String where(Snap s) {
        return String.format(Locale.ROOT, "point %d (%.6f, %.6f)", s.point(), s.lon(), s.lat());
    }

    void snapping(List<Snap> snaps, String engine) {
        Set<String> networks = new TreeSet<>();
        double[] distances = snaps.stream().filter(Snap::onRoad).peek(s -> networks.add(s.networkName()))
                .mapToDouble(Snap::distanceM).sorted().toArray();
        if (distances.length == 0) {
            return;
        }
        int far = 0;
        for (Snap s : snaps) {
            if (s.onRoad() && s.distanceM() == distances[distances.length - 1]) {
                far = s.point();
                break;
            }
        }
        notes.add(String.format(Locale.ROOT, "road network %s (%s engine): %d of %d points snapped to the nearest road,"
                + " median %.0f m, largest %.0f m (point %d); times and distances count from the snapped points",
                String.join(", ", networks), engine, distances.length, snaps.size(), distances[distances.length / 2],
                distances[distances.length - 1], far));
    }

    void noRoad(List<Snap> snaps, String fallbackNote) {
        List<Snap> off = snaps.stream().filter(s -> s.status() == Snap.Status.NO_ROAD).toList();
        if (off.isEmpty()) {
            return;
        }
        listed(off, s -> where(s) + ": " + s.reason() + "; its pairs use the great-circle estimate");
        notes.add("great-circle estimate: " + fallbackNote);
    }

    void crossNetwork(long pairs) {
        if (pairs > 0) {
            notes.add(pairs + " pairs join points on different road networks and use the great-circle estimate");
        }
    }

    void isolated(List<Snap> snaps) {
        listed(snaps.stream().filter(s -> s.status() == Snap.Status.ISOLATED).toList(), s -> where(s) + ": " + s.reason());
    }

    /** Points with pairs that have no road path (one-way streets, separate pieces of network). */
    void noPath(List<Snap> snaps, int[] unreachableTo, int[] unreachableFrom) {
        List<Snap> bad = snaps.stream().filter(s -> s.onRoad()
                && (unreachableTo[s.point()] > 0 || unreachableFrom[s.point()] > 0)).toList();
        listed(bad, s -> String.format(Locale.ROOT, "%s: no road path to %d and from %d of the other points"
                + " (one-way streets or roads not connected)", where(s), unreachableTo[s.point()],
                unreachableFrom[s.point()]));
    }

    private void listed(List<Snap> snaps, Function<Snap, String> text) {
        for (int i = 0; i < snaps.size() && i < MAX_LISTED; i++) {
            notes.add(text.apply(snaps.get(i)));
        }
        if (snaps.size() > MAX_LISTED) {
            int[] rest = snaps.stream().skip(MAX_LISTED).mapToInt(Snap::point).toArray();
            notes.add("... and " + rest.length + " more like that: points " + Arrays.toString(rest));
        }
    }

    List<String> notes() {
        return notes;
    }
}
