package cn.gridwatch.grid.qa;

import cn.gridwatch.db.Database;
import cn.gridwatch.security.Actor;
import cn.gridwatch.security.AuditLog;
import cn.gridwatch.security.GridAuditor;
import cn.gridwatch.grid.GridJson;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qa [--root CODE] [--date D] [--json] [--repair]}: prints the QA report of the admin grid
 * (text table, or JSON). With {@code --repair}, invalid current geometries are first repaired as new
 * versions and the repairs listed; without it nothing is changed. Exit code 0.
 */
@Command(name = "qa", mixinStandardHelpOptions = true,
        description = "Check the admin grid: invalid geometries, overlaps, gaps, hierarchy and codes.")
public final class QaCommand implements Callable<Integer> {
    private final Supplier<Database> database;

    @Spec
    CommandSpec spec;

    @Option(names = "--root", description = "check only this code and its subtree")
    String root;

    @Option(names = "--date", description = "check the versions valid on this day (default: current)")
    LocalDate date;

    @Option(names = "--tolerance", defaultValue = "1.0", description = "ignore areas below this many m² (default 1)")
    double tolerance;

    @Option(names = "--repair", description = "repair invalid geometries as new versions valid from today")
    boolean repair;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    public QaCommand(Supplier<Database> database) {
        this.database = database;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Database db = database.get();
        GridQaService qa = new GridQaService(db);
        QaRequest req = new QaRequest(root, date, tolerance);
        List<QaRepair> repairs = repair ? qa.repair(req, null,
                new GridAuditor(new AuditLog(db), Actor.system("cli:" + System.getProperty("user.name")))) : List.of();
        QaReport report = qa.report(req);
        if (json) {
            out.println(GridJson.write(repair ? new RepairedReport(repairs, report) : report));
        } else {
            if (repair) {
                out.printf(Locale.ROOT, "repaired %d geometries:%n", repairs.size());
                for (QaRepair r : repairs) {
                    out.printf(Locale.ROOT, "  %-12s %-18s %12.1f -> %12.1f m²  %s%s  (%s)%n", r.code(), r.action(),
                            r.areaBeforeM2(), r.areaAfterM2(), r.invalidReason(),
                            r.note() == null ? "" : "; " + r.note(), r.name());
                }
                out.println();
            }
            out.print(report.toText());
        }
        out.flush();
        return 0;
    }

    /** The JSON shape of {@code qa --repair --json}. */
    record RepairedReport(List<QaRepair> repairs, QaReport report) {
    }
}
