package cn.gridwatch.routing.network;

import cn.gridwatch.Json;
import cn.gridwatch.db.Database;
import cn.gridwatch.routing.network.osm.BuiltNetwork;
import cn.gridwatch.routing.network.osm.NetworkBuilder;
import cn.gridwatch.routing.network.osm.OsmFormat;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Road-network use cases: import an OSM file under a name (all-or-nothing; a new import of a name
 * replaces its network in the same transaction; the same file again changes nothing), list and
 * delete networks. The file is read and split before the transaction opens; the transaction takes
 * the road write lock, replaces the rows and appends the audit entry. Thread-safe.
 */
public final class RoadImportService {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,64}");
    private final Database db;
    private final AuditLog audit;
    private final RoadNetworkRepository repo = new RoadNetworkRepository();

    public RoadImportService(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * Imports {@code file} as network {@code name}. {@code sourceName} is the file name to record
     * (an upload's original name). The same file under the same name is {@code unchanged} unless
     * {@code force} (e.g. after the speed table changed).
     *
     * @throws IllegalArgumentException for a bad name, a file that is not OSM, malformed content or a
     *     file without routable roads; nothing is written then
     */
    public RoadImportReport importFile(Path file, String name, String sourceName, boolean force, Actor actor) {
        checkName(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("road file " + file + " does not exist");
        }
        String sha = sha256(file);
        OsmFormat format;
        try {
            format = OsmFormat.sniff(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        if (!force) {
            Optional<RoadImportReport> same = db.withConnection("reading road network " + name,
                    c -> unchangedReport(c, name, sha));
            if (same.isPresent()) {
                return same.get();
            }
        }
        long t0 = System.nanoTime();
        BuiltNetwork built = NetworkBuilder.build(file, format);
        if (built.edges().isEmpty()) {
            throw new IllegalArgumentException(sourceName + " holds no road cars may use: " + built.osmWays()
                    + " ways read, " + built.routableWays() + " with a routable highway=* tag, " + built.missingNodes()
                    + " node references missing");
        }
        long readMs = (System.nanoTime() - t0) / 1_000_000;
        return db.inTransaction("importing road network " + name, c -> {
            long t1 = System.nanoTime();
            repo.lockForWrite(c);
            Optional<RoadImportReport> same = force ? Optional.empty() : unchangedReport(c, name, sha);
            if (same.isPresent()) {
                return same.get(); // the same file was imported while we read it
            }
            Optional<RoadNetworkInfo> old = repo.find(c, name);
            if (old.isPresent()) {
                repo.delete(c, name);
            }
            RoadImportReport draft = report(old.isPresent() ? "replaced" : "imported", name, 0, sourceName, sha, built,
                    readMs, 0);
            long id = repo.insert(c, name, sourceName, sha, actor.username(), built, json(draft));
            RoadImportReport report = report(draft.status(), name, id, sourceName, sha, built, readMs,
                    (System.nanoTime() - t1) / 1_000_000);
            audit.append(c, actor, "roads.import", "road_network", name, old.map(RoadImportService::summary).orElse(null),
                    summary(report), null);
            return report;
        });
    }

    public List<RoadNetworkInfo> networks() {
        return db.withConnection("listing road networks", repo::list);
    }

    public Optional<RoadNetworkInfo> find(String name) {
        return db.withConnection("reading road network " + name, c -> repo.find(c, name));
    }

    /** Deletes a network; false when there was none of that name. */
    public boolean delete(String name, Actor actor) {
        return db.inTransaction("deleting road network " + name, c -> {
            repo.lockForWrite(c);
            Optional<RoadNetworkInfo> old = repo.find(c, name);
            if (old.isEmpty()) {
                return false;
            }
            repo.delete(c, name);
            audit.append(c, actor, "roads.delete", "road_network", name, summary(old.get()), null, null);
            return true;
        });
    }

    /** @throws IllegalArgumentException naming the parameter when the network name is not usable */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("network name must be 1 to 64 letters, digits, '_', '-' or '.', but was: '"
                    + name + "'");
        }
    }

    /** The stored report of {@code name} marked unchanged, when it was imported from a file with this hash. */
    private Optional<RoadImportReport> unchangedReport(Connection c, String name, String sha)
            throws SQLException {
        Optional<RoadNetworkInfo> old = repo.find(c, name);
        if (old.isEmpty() || !old.get().sourceSha256().equals(sha)) {
            return Optional.empty();
        }
        RoadImportReport r;
        try {
            r = Json.MAPPER.readValue(repo.reportJson(c, old.get().id()), RoadImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("road_network.report of " + name + " does not parse", e);
        }
        return Optional.of(new RoadImportReport("unchanged", r.name(), old.get().id(), r.file(), r.format(), r.sha256(),
                r.osmNodes(), r.osmWays(), r.routableWays(), r.vertices(), r.edges(), r.lengthKm(), r.oneWayEdges(),
                r.components(), r.largestComponentVertices(), r.isolatedEdges(), r.missingNodes(), r.edgesByClass(), 0,
                0));
    }

    private static RoadImportReport report(String status, String name, long id, String file, String sha, BuiltNetwork n,
            long readMs, long writeMs) {
        return new RoadImportReport(status, name, id, file, n.format(), sha, n.osmNodes(), n.osmWays(), n.routableWays(),
                n.vertexCount(), n.edges().size(), n.lengthKm(), n.oneWayEdges(), n.components(),
                n.largestComponentVertices(), n.isolatedEdges(), n.missingNodes(), n.edgesByClass(), readMs, writeMs);
    }

    private static Map<String, Object> summary(RoadImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networkId", r.networkId());
        m.put("file", r.file());
        m.put("sha256", r.sha256());
        m.put("vertices", r.vertices());
        m.put("edges", r.edges());
        m.put("lengthKm", Math.round(r.lengthKm() * 10) / 10.0);
        return m;
    }

    private static Map<String, Object> summary(RoadNetworkInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("networkId", i.id());
        m.put("file", i.sourceFile());
        m.put("sha256", i.sourceSha256());
        m.put("vertices", i.vertices());
        m.put("edges", i.edges());
        m.put("lengthKm", Math.round(i.lengthKm() * 10) / 10.0);
        return m;
    }

    private static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the road import report as JSON", e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
