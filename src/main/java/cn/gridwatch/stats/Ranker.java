package cn.gridwatch.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Standard competition ranking ("1224"): rows are ordered best first by a key, rows with equal keys
 * share a rank, and the next rank skips as many places as were shared (1, 2, 2, 4). Rows without a key
 * get no rank and come last. Equal ranks are listed by code. Pure; thread-safe.
 */
final class Ranker {
    private Ranker() {
    }

    /**
     * @param rows          the rows, ranks ignored
     * @param key           the value ranked by (already rounded), null for rows that cannot be ranked
     * @param higherIsBetter true when larger keys rank first
     */
    static List<Ranking.Row> rank(List<Ranking.Row> rows, Function<Ranking.Row, Double> key, boolean higherIsBetter) {
        Comparator<Double> byKey = higherIsBetter ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder();
        List<Ranking.Row> ranked = new ArrayList<>();
        List<Ranking.Row> unranked = new ArrayList<>();
        for (Ranking.Row r : rows) {
            (key.apply(r) == null ? unranked : ranked).add(r);
        }
        ranked.sort(Comparator.comparing(key, byKey).thenComparing(Ranking.Row::code));
        unranked.sort(Comparator.comparing(Ranking.Row::code));
        List<Ranking.Row> out = new ArrayList<>(rows.size());
        int rank = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Ranking.Row r = ranked.get(i);
            if (i == 0 || key.apply(r).compareTo(key.apply(ranked.get(i - 1))) != 0) {
                rank = i + 1;
            }
            out.add(withRank(r, rank));
        }
        unranked.forEach(r -> out.add(withRank(r, null)));
        return out;
    }

    private static Ranking.Row withRank(Ranking.Row r, Integer rank) {
        return new Ranking.Row(rank, r.code(), r.shortCode(), r.name(), r.value(), r.previous(), r.change(),
                r.improvement());
    }
}
