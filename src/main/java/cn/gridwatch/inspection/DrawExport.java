package cn.gridwatch.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The public part of a draw ("一公开"): what was drawn, by which rules, from which register
 * snapshot (fingerprint), with which seed, when and by whom. It leaves out what is internal (database
 * ids, inspector codes and phones, the candidate list) and, while the draw is sealed
 * ({@code sealedUntil} in the future), the lists of drawn sources and inspectors themselves: only
 * the counts are shown then. JSON ({@link PublicRecord}) or CSV ({@link #csv}). Stateless and thread-safe.
 */
public final class DrawExport {
    private DrawExport() {
    }

    /** A drawn source as published. */
    public record PublicSource(String inspectionClass, int rank, String code, String name, String county) {
    }

    /** A drawn inspector as published: name, unit and kind only. */
    public record PublicInspector(int rank, String name, String unit, String kind) {
    }

    public record PublicRecord(String title, long drawId, String name, Instant drawnAt, String drawnBy, String seed,
                               String registerHash, String grid, List<Draw.ClassCount> classes, int inspectorCount,
                               boolean sealed, Instant sealedUntil, List<PublicSource> sources,
                               List<PublicInspector> inspectors) {
    }

    public static PublicRecord publicRecord(Draw d, Instant now) {
        boolean sealed = d.sealedUntil() != null && now.isBefore(d.sealedUntil());
        List<PublicSource> sources = sealed ? List.of() : d.sources().stream()
                .map(s -> new PublicSource(s.inspectionClass(), s.rank(), s.code(), s.name(), s.county())).toList();
        List<PublicInspector> inspectors = sealed ? List.of() : d.inspectors().stream()
                .map(i -> new PublicInspector(i.rank(), i.name(), i.unit(), i.kind())).toList();
        return new PublicRecord("双随机抽查结果公开", d.id(), d.name(), d.drawnAt(), d.drawnBy(), d.seed(),
                d.registerHash(), d.grid(), d.classes(), d.inspectors().size(), sealed, d.sealedUntil(), sources,
                inspectors);
    }

    /**
     * One table, UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese): a row per
     * drawn source and inspector, each carrying the draw's id, name, time, seed and fingerprint; while
     * sealed one row of type {@code sealed} with the counts.
     */
    public static String csv(PublicRecord r) {
        List<String> rows = new ArrayList<>();
        rows.add("draw_id,draw_name,drawn_at,seed,register_hash,type,inspection_class,rank,code,name,county,unit");
        String head = r.drawId() + "," + cell(r.name()) + "," + r.drawnAt() + "," + r.seed() + "," + r.registerHash();
        if (r.sealed()) {
            int total = r.classes().stream().mapToInt(Draw.ClassCount::drawn).sum();
            rows.add(head + ",sealed,,," + ",,"
                    + cell(total + " sources and " + r.inspectorCount() + " inspectors; lists sealed until "
                    + r.sealedUntil()) + ",");
        }
        for (PublicSource s : r.sources()) {
            rows.add(head + ",source," + s.inspectionClass() + "," + s.rank() + "," + cell(s.code()) + ","
                    + cell(s.name()) + "," + cell(s.county()) + ",");
        }
        for (PublicInspector i : r.inspectors()) {
            rows.add(head + ",inspector," + cell(i.kind()) + "," + i.rank() + ",," + cell(i.name()) + ",,"
                    + cell(i.unit()));
        }
        return "\uFEFF" + String.join("\r\n", rows) + "\r\n";
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
