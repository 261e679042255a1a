package cn.gridwatch.bench;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The PostGIS side of the locate benchmark, written the way a PostGIS user would: cells in
 * {@code bench_cell(code, level, geom geometry(MultiPolygon,4490))}, the same cells cut with
 * {@code ST_Subdivide} in {@code bench_cell_sub} (each piece keeps its cell's code), points in
 * {@code bench_point}; all three with GiST indexes, loaded with COPY (geometries as hex EWKB, points
 * as {@link Double#toString} text, so both sides see the same doubles). The join is one set-based
 * statement: {@code ST_Covers} join, then per point and level the smallest code with
 * {@code DISTINCT ON}. The plan wanted is cell-driven (outer loop over cells, inner GiST index scan
 * on the points), so consecutive {@code ST_Covers} calls share one polygon and PostGIS's prepared
 * geometry cache works.
 *
 * <p>Subdivision does not change the answers: the pieces of a cell tile it exactly, so a point is
 * covered by the cell iff some piece covers it (a point on an internal cut edge is covered by both
 * pieces, which carry the same code). Drops and recreates its tables. Not thread-safe (one connection).
 */
final class PostgisJoin {
    /** The cell tables the join can run on; table names come only from here. */
    enum Cells {
        WHOLE("bench_cell"), SUBDIVIDED("bench_cell_sub");

        final String table;

        Cells(String table) {
            this.table = table;
        }
    }

    private static final String SCHEMA = """
            drop table if exists bench_result;
            drop table if exists bench_point;
            drop table if exists bench_cell_sub;
            drop table if exists bench_cell;
            create table bench_cell (code text not null, level int not null, geom geometry(MultiPolygon, 4490) not null);
            create table bench_point (id int primary key, geom geometry(Point, 4490) not null);
            """;
    private static final String SUBDIVIDE = """
            create table bench_cell_sub as
              select code, level, ST_Subdivide(geom, %d) as geom from bench_cell;
            create index bench_cell_sub_geom on bench_cell_sub using gist (geom);
            analyze bench_cell_sub;
            """;
    private static final String JOIN = """
            select distinct on (p.id, c.level) p.id, c.level, c.code
            from %s c join bench_point p on ST_Covers(c.geom, p.geom)
            order by p.id, c.level, c.code collate "C"
            """;
    /**
     * The same join with the cell as the outer loop by construction: the lateral subquery refers to
     * {@code c}, and {@code offset 0} keeps the planner from flattening it back into a plain join.
     */
    private static final String CELL_DRIVEN_JOIN = """
            select distinct on (p.id, c.level) p.id, c.level, c.code
            from %s c cross join lateral (
              select p.id from bench_point p where ST_Covers(c.geom, p.geom) offset 0) p
            order by p.id, c.level, c.code collate "C"
            """;

    private final Connection connection;

    PostgisJoin(Connection connection) {
        this.connection = connection;
    }

    void loadCells(List<GridCell> cells, int maxVertices) throws SQLException, IOException {
        execute(SCHEMA, "creating the bench tables");
        WKBWriter wkb = new WKBWriter(2, true);
        StringBuilder sb = new StringBuilder();
        for (GridCell c : cells) {
            if (c.kind() != GridKind.ADMIN) {
                continue;
            }
            Geometry g = c.geometry();
            if (g instanceof Polygon p) {
                g = g.getFactory().createMultiPolygon(new Polygon[] {p});
            }
            g.setSRID(4490);
            sb.append(c.code()).append('\t').append(c.level().rank()).append('\t')
                    .append(WKBWriter.toHex(wkb.write((MultiPolygon) g))).append('\n');
        }
        copy("copy bench_cell (code, level, geom) from stdin", sb);
        execute("create index bench_cell_geom on bench_cell using gist (geom); analyze bench_cell;",
                "indexing bench_cell");
        execute(String.format(SUBDIVIDE, maxVertices), "subdividing bench_cell");
    }

    /** Rows of {@code table}, for the report. */
    long count(Cells cells) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from " + cells.table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void loadPoints(double[] lon, double[] lat, int n) throws SQLException, IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i).append("\tSRID=4490;POINT(").append(lon[i]).append(' ').append(lat[i]).append(")\n");
        }
        copy("copy bench_point (id, geom) from stdin", sb);
        // geohash order keeps the points of one cell close together on disk for the inner index scans
        execute("create index bench_point_geohash on bench_point (ST_GeoHash(ST_Transform(geom, 4326)));"
                + " cluster bench_point using bench_point_geohash;"
                + " create index bench_point_geom on bench_point using gist (geom); analyze bench_point",
                "indexing bench_point");
    }

    /**
     * Session settings for the join: {@code workers} parallel workers per gather (0 = serial), and
     * zero parallel set-up costs so the planner is allowed to use them on a small cell table.
     */
    void parallel(int workers) throws SQLException {
        execute("set max_parallel_workers_per_gather = " + workers + "; set parallel_setup_cost = 0;"
                + " set parallel_tuple_cost = 0; set min_parallel_table_scan_size = 0", "setting parallelism");
    }

    /**
     * Runs the join on {@code cells} into {@code bench_result}, as a plain join (the planner picks the
     * loop order) or {@code cellDriven}; returns wall time in nanoseconds.
     */
    long join(Cells cells, boolean cellDriven) throws SQLException {
        execute("drop table if exists bench_result", "dropping bench_result");
        long t0 = System.nanoTime();
        execute("create unlogged table bench_result as " + sql(cells, cellDriven),
                "running the spatial join on " + cells.table);
        return System.nanoTime() - t0;
    }

    private static String sql(Cells cells, boolean cellDriven) {
        return String.format(cellDriven ? CELL_DRIVEN_JOIN : JOIN, cells.table);
    }

    String explain(Cells cells, boolean cellDriven) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("explain " + sql(cells, cellDriven))) {
            while (rs.next()) {
                sb.append("  ").append(rs.getString(1)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Codes per point id and rank from the last {@link #join}; {@code null} where no cell covers. */
    String[][] results(int n) throws SQLException {
        String[][] out = new String[n][4];
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select id, level, code from bench_result")) {
            while (rs.next()) {
                out[rs.getInt(1)][rs.getInt(2) - 1] = rs.getString(3);
            }
        }
        return out;
    }

    private void copy(String sql, CharSequence data) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(sql, new StringReader(data.toString()));
    }

    private void execute(String sql, String what) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("PostGIS bench failed " + what + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
