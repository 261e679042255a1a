package cn.gridwatch.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the rejections of one import, in row order when read. Not thread-safe. */
public final class Rejections {
    private final List<Rejection> list = new ArrayList<>();
    private final java.util.Set<Integer> rows = new java.util.HashSet<>();

    public void add(int row, String column, String value, String reason) {
        list.add(new Rejection(row, column, value, reason));
        rows.add(row);
    }

    public void addAll(List<Rejection> more) {
        more.forEach(r -> add(r.row(), r.column(), r.value(), r.reason()));
    }

    /** True when row {@code row} has a rejection already. */
    public boolean hasRow(int row) {
        return rows.contains(row);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** All of them, sorted by row (stable within a row). */
    public List<Rejection> sorted() {
        List<Rejection> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(Rejection::row));
        return List.copyOf(out);
    }
}
