package cn.gridwatch.inspection;

import cn.gridwatch.Json;
import cn.gridwatch.db.Database;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridwatch draw}: makes a random draw (audited as {@code cli:<os user>}) and prints it as
 * JSON; or verifies a stored draw ({@code --verify ID}, exit code 1 when it does not reproduce) or
 * prints its public record ({@code --export ID}).
 */
@Command(name = "draw", mixinStandardHelpOptions = true,
        description = "Random inspection draw (双随机): targets by class and rate, and inspectors.")
public final class DrawCommand implements Callable<Integer> {
    private final Supplier<Database> database;

    @Option(names = "--name", description = "name of the draw")
    String name;

    @Option(names = "--rate", description = "CLASS=RATE, e.g. special=1 key=0.25 general=0.05 (repeatable)")
    List<String> rates = List.of();

    @Option(names = "--grid", description = "only sources in this cell's subtree")
    String grid;

    @Option(names = "--inspectors", defaultValue = "0", description = "how many inspectors to draw")
    int inspectors;

    @Option(names = "--kind", description = "inspector kinds (enforcement, monitoring, guide; repeatable)")
    List<String> kinds = List.of();

    @Option(names = "--exclude-county", description = "do not draw inspectors of this county (repeatable)")
    List<String> excludeCounties = List.of();

    @Option(names = "--seed", description = "seed (default: drawn at random and stored)")
    Long seed;

    @Option(names = "--sealed-until", description = "the public record hides the lists until then (ISO with offset)")
    String sealedUntil;

    @Option(names = "--verify", description = "verify the stored draw ID instead of drawing")
    Long verify;

    @Option(names = "--export", description = "print the public record of draw ID instead of drawing")
    Long export;

    @Option(names = "--format", defaultValue = "json", description = "json or csv, for --export")
    String format;

    public DrawCommand(Supplier<Database> database) {
        this.database = database;
    }

    @Override
    public Integer call() throws Exception {
        try (Database db = database.get()) {
            DrawService draws = new DrawService(db, new AuditLog(db), Clock.systemUTC());
            if (verify != null) {
                DrawService.Verification v = draws.verify(verify);
                print(v);
                return v.reproduced() ? 0 : 1;
            }
            if (export != null) {
                DrawExport.PublicRecord rec = draws.publicRecord(export);
                if (format.equals("csv")) {
                    System.out.print(DrawExport.csv(rec).substring(1));
                } else {
                    print(rec);
                }
                return 0;
            }
            Map<String, BigDecimal> r = new LinkedHashMap<>();
            for (String s : rates) {
                String[] kv = s.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("--rate must be CLASS=RATE, e.g. key=0.25, but was: '" + s + "'");
                }
                try {
                    r.put(kv[0].trim(), new BigDecimal(kv[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--rate " + kv[0] + " must be a number, but was: '" + kv[1] + "'",
                            e);
                }
            }
            Set<String> exclude = new LinkedHashSet<>();
            excludeCounties.forEach(c -> exclude.add(DrawRequest.county("--exclude-county", c)));
            DrawRequest req = new DrawRequest(name == null ? "draw" : name, r,
                    grid == null ? null : DrawRequest.gridCode(grid), inspectors, new LinkedHashSet<>(kinds), exclude,
                    seed, DrawRequest.instant("--sealed-until", sealedUntil));
            print(draws.draw(req, Actor.system("cli:" + System.getProperty("user.name"))));
            return 0;
        }
    }

    private static void print(Object o) throws Exception {
        System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    }
}
