package cn.gridwatch.grid.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Finds codes that occur more than once in one file; every occurrence is refused. Stateless. */
final class Duplicates {
    private Duplicates() {
    }

    static List<Rejection> find(List<PreparedCell> cells) {
        Map<String, List<PreparedCell>> byCode = new LinkedHashMap<>();
        for (PreparedCell c : cells) {
            byCode.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(c);
        }
        List<Rejection> out = new ArrayList<>();
        for (List<PreparedCell> same : byCode.values()) {
            if (same.size() > 1) {
                String where = same.stream().map(c -> Integer.toString(c.feature())).collect(Collectors.joining(", "));
                for (PreparedCell c : same) {
                    out.add(new Rejection(c.feature(), c.code(),
                            "duplicate code " + c.code() + " in the file (features " + where + ")"));
                }
            }
        }
        return out;
    }
}
