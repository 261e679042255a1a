package cn.gridwatch;

import cn.gridwatch.complaints.Complaints;
import cn.gridwatch.db.Database;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.monitoring.MonitoringPoints;
import cn.gridwatch.patrols.Patrols;
import cn.gridwatch.people.GridDuties;
import cn.gridwatch.people.Inspectors;
import cn.gridwatch.people.StationChiefs;
import cn.gridwatch.register.RegisterController;
import cn.gridwatch.register.RegisterFormat;
import cn.gridwatch.register.RegisterImportReport;
import cn.gridwatch.register.RegisterImportService;
import cn.gridwatch.register.RegisterReassigner;
import cn.gridwatch.register.RegisterService;
import cn.gridwatch.register.RegisterSpec;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.Scope;
import cn.gridwatch.sources.PowerMeters;
import cn.gridwatch.sources.Sources;
import io.javalin.config.RoutesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registers of what lives in the grid, wired by hand: one {@link RegisterService} per register,
 * in dependency order (sources before their meters, stations before their chiefs), the re-assigner
 * that follows grid changes, their routes and the demo loader. Thread-safe.
 */
public final class Registers {
    /** Every register, in the order their files must be loaded. */
    public static final List<RegisterSpec> SPECS = List.of(MonitoringPoints.SPEC, Sources.SPEC, PowerMeters.SPEC,
            GridDuties.SPEC, StationChiefs.SPEC, Inspectors.SPEC, Complaints.SPEC, Patrols.SPEC);
    /** The demo's register files in {@code gis-data/registers/}, in loading order. */
    static final List<String> DEMO_FILES = List.of("monitoring_points.csv", "sources.csv", "power_meters.csv",
            "duties.csv", "station_chiefs.csv", "inspectors.csv", "complaints.csv", "patrols.csv");

    private final Map<String, RegisterService> services = new LinkedHashMap<>();
    private final RegisterReassigner reassigner;

    public Registers(Database db, GridLocateService locate, AuditLog audit) {
        RegisterImportService imports = new RegisterImportService(db, locate, audit);
        for (RegisterSpec s : SPECS) {
            services.put(s.name(), new RegisterService(db, s, imports));
        }
        this.reassigner = new RegisterReassigner(db, locate);
    }

    /** The register named like its URL ({@code sources}) or its table ({@code pollution_source}). */
    public RegisterService get(String name) {
        for (RegisterService s : services.values()) {
            if (s.spec().name().equals(name) || s.spec().id.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown register '" + name + "'; use one of "
                + String.join(", ", services.keySet()));
    }

    public List<RegisterService> all() {
        return List.copyOf(services.values());
    }

    public RegisterReassigner reassigner() {
        return reassigner;
    }

    public void routes(RoutesConfig r, long maxUploadBytes) {
        services.values().forEach(s -> new RegisterController(s, maxUploadBytes).routes(r));
    }

    /** Loads the register files present in {@code dir} (EPSG:4490); a second run changes nothing. */
    public void loadDemo(Path dir) {
        for (int i = 0; i < DEMO_FILES.size(); i++) {
            Path file = dir.resolve(DEMO_FILES.get(i));
            if (!Files.isRegularFile(file)) {
                continue;
            }
            RegisterImportReport r = services.get(SPECS.get(i).name()).importFile(new RegisterImportService.Request(
                    file, file.getFileName().toString(), RegisterFormat.CSV, "EPSG:4490", Scope.all(),
                    Actor.system("demo")));
            if (!r.committed()) {
                throw new IllegalStateException("the demo register file " + file + " was rejected:\n"
                        + r.toText(RegisterFormat.CSV.rowWord()));
            }
            System.out.printf("demo %-15s %6d rows: %d inserted, %d updated, %d unchanged%n", SPECS.get(i).name(),
                    r.rows(), r.inserted(), r.updated(), r.unchanged());
        }
    }
}
