package cn.gridwatch.grid;

import cn.gridwatch.Json;
import cn.gridwatch.db.Database;
import cn.gridwatch.grid.assign.PointAssigner;
import cn.gridwatch.grid.locate.GridIndex;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gridwatch locate}: one point, or a whole CSV/GeoJSON file of points, to grid cells. */
@Command(name = "locate", mixinStandardHelpOptions = true,
        description = "Print the cell at every level for LON LAT, or assign a CSV/GeoJSON file of points.")
public final class GridLocateCommand implements Callable<Integer> {
    private final Supplier<Database> database;

    @Parameters(arity = "0..2", paramLabel = "X Y", description = "longitude and latitude (or x y in --crs)")
    double[] point;

    @Option(names = "--crs", defaultValue = "EPSG:4490", description = "CRS of the input coordinates (default ${DEFAULT-VALUE})")
    String crs;

    @Option(names = "--date", description = "grid as valid on this date (yyyy-MM-dd; default today)")
    LocalDate date;

    @Option(names = "--in", description = "CSV (lon/lat columns) or GeoJSON file of points")
    Path in;

    @Option(names = "--out", description = "where to write the assigned rows (default: standard output)")
    Path out;

    public GridLocateCommand(Supplier<Database> database) {
        this.database = database;
    }

    @Override
    public Integer call() throws Exception {
        try (Database db = database.get()) {
            GridService grids = new GridService(db);
            if (in != null) {
                return assignFile(grids);
            }
            if (point == null || point.length != 2) {
                throw new IllegalArgumentException("give X Y (e.g. 112.9 27.8) or --in FILE");
            }
            GridLocateService locate = new GridLocateService(grids, Clock.systemDefaultZone());
            LocateResult r = locate.locate(point[0], point[1], crs, date);
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r));
            return r.inside() ? 0 : 1;
        }
    }

    private int assignFile(GridService grids) throws Exception {
        LocalDate d = date == null ? LocalDate.now() : date;
        GridIndex index = GridIndex.of(grids.loadSnapshot(d));
        PointAssigner assigner = new PointAssigner(Json.MAPPER);
        String name = in.getFileName().toString().toLowerCase(Locale.ROOT);
        PointAssigner.Summary s;
        try (InputStream is = Files.newInputStream(in);
             OutputStream os = out == null ? OutputStream.nullOutputStream() : Files.newOutputStream(out)) {
            OutputStream target = out == null ? System.out : os;
            if (name.endsWith(".geojson") || name.endsWith(".json")) {
                s = assigner.assignGeoJson(is, target, index, crs);
            } else {
                s = assigner.assignCsv(is, target, index, crs, null, null);
            }
            target.flush();
        }
        System.err.printf("%d rows: %d inside the grid, %d outside, %d with bad coordinates%n",
                s.rows(), s.inside(), s.rows() - s.inside() - s.errors(), s.errors());
        return 0;
    }
}
