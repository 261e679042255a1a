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
 * The PostGIS side of the locate benchmark: loads cells into {@code bench_cell(code, level,
 * geom geometry(MultiPolygon,4490))} with a GiST index and points into {@code bench_point}, both with
 * COPY (geometries as hex EWKB, points as {@link Double#toString} text, so both sides see the same
 * doubles; points clustered in geohash order, the friendliest order for PostGIS's geometry caches),
 * then runs the spatial join: per point and level the covering cell with the smallest code.
 * Drops and recreates its tables. Not thread-safe (one connection).
 */
final class PostgisJoin {
    private static final String SCHEMA = """
            drop table if exists bench_result;
            drop table if exists bench_point;
            drop table if exists bench_cell;
            create table bench_cell (code text not null, level int not null, geom geometry(MultiPolygon, 4490) not null);
            create table bench_point (id int primary key, geom geometry(Point, 4490) not null);
            """;
    private static final String JOIN = """
            create unlogged table bench_result as
            select p.id,
              (select c.code from bench_cell c where c.level = 1 and ST_Covers(c.geom, p.geom) order by c.code collate "C" limit 1) as l1,
              (select c.code from bench_cell c where c.level = 2 and ST_Covers(c.geom, p.geom) order by c.code collate "C" limit 1) as l2,
              (select c.code from bench_cell c where c.level = 3 and ST_Covers(c.geom, p.geom) order by c.code collate "C" limit 1) as l3,
              (select c.code from bench_cell c where c.level = 4 and ST_Covers(c.geom, p.geom) order by c.code collate "C" limit 1) as l4
            from bench_point p where p.id < %d
            """;

    private final Connection connection;

    PostgisJoin(Connection connection) {
        this.connection = connection;
    }

    void loadCells(List<GridCell> cells) throws SQLException, IOException {
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
    }

    void loadPoints(double[] lon, double[] lat, int n) throws SQLException, IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i).append("\tSRID=4490;POINT(").append(lon[i]).append(' ').append(lat[i]).append(")\n");
        }
        copy("copy bench_point (id, geom) from stdin", sb);
        // store points in geohash order: consecutive ST_Covers calls then hit the same cells, so
        // PostGIS's per-call-site cache of the prepared polygon works (random order defeats it)
        execute("create index bench_point_geohash on bench_point (ST_GeoHash(ST_Transform(geom, 4326)));"
                + " cluster bench_point using bench_point_geohash; analyze bench_point", "clustering bench_point");
    }

    /** Runs the join for points {@code 0..n-1} into {@code bench_result}; returns wall time in nanoseconds. */
    long join(int n) throws SQLException {
        execute("drop table if exists bench_result", "dropping bench_result");
        long t0 = System.nanoTime();
        execute(String.format(JOIN, n), "running the spatial join for " + n + " points");
        return System.nanoTime() - t0;
    }

    String explain(int n) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("explain " + String.format(JOIN, n).replaceFirst(
                        "create unlogged table bench_result as", ""))) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Codes per point id and rank from the last {@link #join}; {@code null} where no cell covers. */
    String[][] results(int n) throws SQLException {
        String[][] out = new String[n][];
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("select id, l1, l2, l3, l4 from bench_result")) {
            while (rs.next()) {
                out[rs.getInt(1)] = new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
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
