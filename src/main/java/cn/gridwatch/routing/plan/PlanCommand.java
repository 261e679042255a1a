package cn.gridwatch.routing.plan;

import cn.gridwatch.Json;
import cn.gridwatch.db.Database;
import cn.gridwatch.grid.GridLocateService;
import cn.gridwatch.grid.GridService;
import cn.gridwatch.http.JsonFields;
import cn.gridwatch.routing.TravelMatrixProvider;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.PasswordHasher;
import cn.gridwatch.security.Principal;
import cn.gridwatch.security.Role;
import cn.gridwatch.security.User;
import cn.gridwatch.security.UserService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gridwatch plan patrol|joint FILE.json} computes and stores a plan from a request file (the
 * body of {@code POST /api/plans/patrol} or {@code /joint}) and prints its summary ({@code --json}:
 * the whole plan); {@code gridwatch plan show ID [--format json|geojson|gpx|html] [--out FILE]}
 * prints or writes a stored plan; {@code gridwatch plan list}. The command line acts as an
 * administrator ({@code cli:<os user>} in the audit log) and uses the same travel-time provider as
 * the server.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Patrol routes and joint enforcement plans: plan patrol|joint FILE.json, plan show ID, plan list.")
public final class PlanCommand implements Callable<Integer> {
    private final Supplier<Database> database;
    private final Function<Database, TravelMatrixProvider> matrices;

    @Parameters(index = "0", paramLabel = "ACTION", description = "patrol, joint, show or list")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE|ID", description = "request file, or plan id for show")
    String arg;

    @Option(names = "--format", defaultValue = "json", description = "show: json, geojson, gpx or html")
    String format;

    @Option(names = "--out", description = "show: write to this file instead of standard output")
    Path out;

    @Option(names = "--json", description = "patrol/joint: print the whole plan as JSON")
    boolean json;

    public PlanCommand(Supplier<Database> database, Function<Database, TravelMatrixProvider> matrices) {
        this.database = database;
        this.matrices = matrices;
    }

    @Override
    public Integer call() throws Exception {
        try (Database db = database.get()) {
            GridLocateService locate = new GridLocateService(new GridService(db), Clock.systemDefaultZone());
            UserService users = new UserService(db, new PasswordHasher(), new AuditLog(db));
            PlanService plans = new PlanService(db, locate, users, new AuditLog(db), matrices.apply(db),
                    Clock.systemUTC());
            String cli = "cli:" + System.getProperty("user.name");
            Principal me = new Principal(new User(-1, cli, cli, Role.ADMIN, null, true, Instant.now()), "password", null);
            Actor actor = Actor.system(cli);
            switch (action.toLowerCase(Locale.ROOT)) {
                case "patrol":
                    return summary(plans.patrol(PlanRequests.patrol(read()), me, actor));
                case "joint":
                    return summary(plans.joint(PlanRequests.joint(read()), actor));
                case "show":
                    return show(plans.get(id(), me));
                case "list":
                    System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(plans.list(me, 1000, 0)));
                    return 0;
                default:
                    throw new IllegalArgumentException("ACTION must be patrol, joint, show or list, but was: '"
                            + action + "'");
            }
        }
    }

    private JsonFields read() throws Exception {
        if (arg == null) {
            throw new IllegalArgumentException("give the request file: plan " + action + " FILE.json");
        }
        Path file = Path.of(arg);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the request file " + file.toAbsolutePath());
        }
        return JsonFields.parse(Files.readAllBytes(file));
    }

    private long id() {
        try {
            return Long.parseLong(arg);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("plan show needs a plan id, but was: '" + arg + "'", e);
        }
    }

    private int summary(Plan p) throws Exception {
        if (json) {
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(p));
            return 0;
        }
        System.out.printf(Locale.ROOT, "plan %d '%s': %s of %s targets planned, travel times: %s%n", p.id(), p.name(),
                p.summary().path("served").asText(), p.summary().path("targets").asText(), p.matrixMethod());
        p.notes().forEach(n -> System.out.println("  note: " + n));
        for (Plan.RouteView r : p.routes()) {
            System.out.printf(Locale.ROOT, "  %-12s %s  %s-%s  %2d stops  %6.1f km%n", PlanExport.teamName(p, r.teamNo()),
                    r.day(), PlanExport.HM.format(r.departure()), PlanExport.HM.format(r.returnAt()), r.stopCount(),
                    r.distanceMetres() / 1000.0);
        }
        for (Plan.UnservedView u : p.unserved()) {
            System.out.printf(Locale.ROOT, "  not planned: %s %s: %s (%s)%n", u.code(), u.name(), u.reason(), u.detail());
        }
        System.out.println("  solver: " + p.solver().path("result"));
        return 0;
    }

    private int show(Plan p) throws Exception {
        String text = switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(p);
            case "geojson" -> PlanExport.geojson(p);
            case "gpx" -> PlanExport.gpx(p);
            case "html" -> PlanSheet.html(p);
            default -> throw new IllegalArgumentException("--format must be json, geojson, gpx or html, but was: '"
                    + format + "'");
        };
        if (out != null) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
        } else {
            System.out.print(text);
        }
        return 0;
    }
}
