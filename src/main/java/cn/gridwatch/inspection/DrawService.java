package cn.gridwatch.inspection;

import cn.gridwatch.db.Database;
import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.NotFoundException;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Use cases of random draws: draw (candidates, ranking, storage and audit entry in one
 * transaction), read, list, verify (redo the ranking from the stored snapshot and compare the
 * register as it is now) and the public record. Access is checked by the callers
 * ({@code AccessPolicy.checkMayPlan}). Thread-safe.
 */
public final class DrawService {
    private static final SecureRandom SEEDS = new SecureRandom();
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final DrawRepository repo = new DrawRepository();

    public DrawService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Draws, stores and audits; the same request and seed over the same register give the same draw. */
    public Draw draw(DrawRequest r, Actor actor) {
        long seed = r.seed() != null ? r.seed() : SEEDS.nextLong() & Long.MAX_VALUE;
        return db.inTransaction("drawing inspection targets", c -> {
            Candidates cands = repo.candidates(c, r);
            List<Draw.DrawnSource> sources = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> e : r.rates().entrySet()) {
                List<Candidates.Source> list = cands.sources().get(e.getKey());
                List<Candidates.Source> picked = DrawRanking.pick(seed, "source:" + e.getKey(), list,
                        Candidates.Source::id, DrawRanking.count(e.getValue(), list.size()));
                for (int i = 0; i < picked.size(); i++) {
                    Candidates.Source s = picked.get(i);
                    sources.add(new Draw.DrawnSource(i + 1, s.id(), s.code(), s.name(), s.inspectionClass(), s.county()));
                }
            }
            if (r.inspectorCount() > cands.inspectors().size()) {
                throw new IllegalArgumentException("'inspectorCount' asks for " + r.inspectorCount()
                        + " inspectors, but only " + cands.inspectors().size() + " active inspectors of kinds "
                        + new TreeSet<>(r.inspectorKinds()) + (r.excludeCounties().isEmpty() ? ""
                        : " outside counties " + shortForms(r.excludeCounties())) + " are in the register");
            }
            List<Candidates.Inspector> pickedInspectors = DrawRanking.pick(seed, "inspector", cands.inspectors(),
                    Candidates.Inspector::id, r.inspectorCount());
            List<Draw.DrawnInspector> inspectors = new ArrayList<>();
            for (int i = 0; i < pickedInspectors.size(); i++) {
                Candidates.Inspector x = pickedInspectors.get(i);
                inspectors.add(new Draw.DrawnInspector(i + 1, x.id(), x.code(), x.name(), x.county(), x.kind(), x.unit()));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Draw d = new Draw(0, r.name(), Long.toString(seed), shortGrid(r.grid()), DrawRanking.hash(cands.lines()),
                    List.of(), cands.inspectors().size(), List.copyOf(new TreeSet<>(r.inspectorKinds())),
                    shortForms(r.excludeCounties()), sources, inspectors, r.sealedUntil(), actor.username(),
                    actor.role(), now);
            long id = repo.insert(c, d, params(r), cands.ids());
            Draw stored = load(c, id);
            audit.append(c, actor, "draw", "inspection_draw", Long.toString(id), null, auditSummary(stored),
                    "random draw '" + r.name() + "': " + sources.size() + " sources, " + inspectors.size()
                            + " inspectors, seed " + seed);
            return stored;
        });
    }

    public Draw get(long id) {
        return db.withConnection("reading draw " + id, c -> load(c, id));
    }

    /** A page of draws, newest first. */
    public Page list(int limit, int offset) {
        return db.withConnection("listing draws", c -> new Page(repo.count(c), limit, offset, repo.list(c, limit, offset)));
    }

    /** A page of the draw list. */
    public record Page(int total, int limit, int offset, List<Draw.Summary> items) {
    }

    /**
     * The check anyone auditing a draw wants: does the stored seed over the stored candidate ids
     * give the stored result, and is the register still what it was (same fingerprint)?
     */
    public record Verification(long drawId, boolean reproduced, String registerHash, String currentRegisterHash,
                               boolean registerUnchanged, List<String> differences) {
    }

    public Verification verify(long id) {
        return db.withConnection("verifying draw " + id, c -> {
            DrawRepository.Row row = requireRow(c, id);
            Draw stored = load(c, id);
            List<String> diff = new ArrayList<>();
            JsonNode rates = row.params().get("rates");
            for (Draw.ClassCount cc : stored.classes()) {
                List<Long> ids = longs(row.candidates().get("sources").get(cc.inspectionClass()));
                List<Long> again = DrawRanking.pick(row.seed(), "source:" + cc.inspectionClass(), ids, x -> x,
                        DrawRanking.count(rates.get(cc.inspectionClass()).decimalValue(), ids.size()));
                List<Long> was = stored.sources().stream().filter(s -> s.inspectionClass().equals(cc.inspectionClass()))
                        .map(Draw.DrawnSource::sourceId).toList();
                if (!again.equals(was)) {
                    diff.add("class " + cc.inspectionClass() + ": stored " + was + ", recomputed " + again);
                }
            }
            List<Long> inspectorIds = longs(row.candidates().get("inspectors"));
            List<Long> again = DrawRanking.pick(row.seed(), "inspector", inspectorIds, x -> x,
                    stored.inspectors().size());
            List<Long> was = stored.inspectors().stream().map(Draw.DrawnInspector::inspectorId).toList();
            if (!again.equals(was)) {
                diff.add("inspectors: stored " + was + ", recomputed " + again);
            }
            String current = DrawRanking.hash(repo.candidates(c, request(row)).lines());
            return new Verification(id, diff.isEmpty(), row.registerHash(), current,
                    current.equals(row.registerHash()), diff);
        });
    }

    /** The "一公开" record of a draw as of now (lists withheld while sealed). */
    public DrawExport.PublicRecord publicRecord(long id) {
        return DrawExport.publicRecord(get(id), clock.instant());
    }

    private Draw load(Connection c, long id) throws SQLException {
        DrawRepository.Row row = requireRow(c, id);
        List<Draw.DrawnSource> sources = repo.sources(c, id);
        List<Draw.ClassCount> classes = new ArrayList<>();
        JsonNode rates = row.params().get("rates");
        for (String cls : DrawRequest.CLASSES) { // jsonb does not keep the order of keys
            if (rates.has(cls)) {
                classes.add(new Draw.ClassCount(cls, rates.get(cls).decimalValue(),
                        row.candidates().get("sources").get(cls).size(),
                        (int) sources.stream().filter(s -> s.inspectionClass().equals(cls)).count()));
            }
        }
        JsonNode p = row.params();
        return new Draw(row.id(), row.name(), Long.toString(row.seed()), text(p.get("grid")), row.registerHash(),
                classes, row.candidates().get("inspectors").size(), texts(p.get("inspectorKinds")),
                texts(p.get("excludeCounties")), sources, repo.inspectors(c, id), row.sealedUntil(), row.drawnBy(),
                row.drawnRole(), row.drawnAt());
    }

    private DrawRepository.Row requireRow(Connection c, long id) throws SQLException {
        DrawRepository.Row row = repo.row(c, id);
        if (row == null) {
            throw new NotFoundException("no draw with id " + id);
        }
        return row;
    }

    private static Map<String, Object> params(DrawRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rates", r.rates());
        m.put("grid", shortGrid(r.grid()));
        m.put("inspectorCount", r.inspectorCount());
        m.put("inspectorKinds", new TreeSet<>(r.inspectorKinds()));
        m.put("excludeCounties", shortForms(r.excludeCounties()));
        return m;
    }

    private static DrawRequest request(DrawRepository.Row row) {
        JsonNode p = row.params();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        p.get("rates").fields().forEachRemaining(e -> rates.put(e.getKey(), e.getValue().decimalValue()));
        Set<String> exclude = new LinkedHashSet<>();
        texts(p.get("excludeCounties")).forEach(x -> exclude.add(AdminCode.normalize(x)));
        String grid = text(p.get("grid"));
        return new DrawRequest(row.name(), rates, grid == null ? null : AdminCode.normalize(grid),
                p.get("inspectorCount").asInt(), new LinkedHashSet<>(texts(p.get("inspectorKinds"))), exclude,
                row.seed(), row.sealedUntil());
    }

    private static Map<String, Object> auditSummary(Draw d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("seed", d.seed());
        m.put("registerHash", d.registerHash());
        m.put("classes", d.classes());
        m.put("inspectors", d.inspectors().stream().map(Draw.DrawnInspector::code).toList());
        m.put("sources", d.sources().size());
        m.put("sealedUntil", d.sealedUntil());
        return m;
    }

    private static String shortGrid(String grid) {
        return grid == null ? null : AdminCode.shortForm(grid);
    }

    private static List<String> shortForms(Set<String> counties) {
        return counties.stream().map(AdminCode::shortForm).sorted().toList();
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
