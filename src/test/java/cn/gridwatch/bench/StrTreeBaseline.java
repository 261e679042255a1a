package cn.gridwatch.bench;

import cn.gridwatch.grid.GridCell;
import cn.gridwatch.grid.GridKind;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The plain approach the issue compares against: one {@link STRtree} per level over
 * {@link PreparedGeometry} cells, {@code covers} on every envelope hit, lowest code wins. Same
 * answers as {@code GridIndex}; used only to put its speed in context. Query-only after
 * construction and thread-safe (as STRtree and prepared geometries are).
 */
final class StrTreeBaseline {
    private final STRtree[] trees = new STRtree[4];
    private final GeometryFactory factory = new GeometryFactory();

    StrTreeBaseline(List<GridCell> cells) {
        for (int l = 0; l < 4; l++) {
            trees[l] = new STRtree();
        }
        for (GridCell c : cells) {
            if (c.kind() == GridKind.ADMIN) {
                trees[c.level().rank() - 1].insert(c.geometry().getEnvelopeInternal(),
                        new Entry(c.code(), PreparedGeometryFactory.prepare(c.geometry())));
            }
        }
        for (STRtree t : trees) {
            t.build();
        }
    }

    private record Entry(String code, PreparedGeometry geometry) {
    }

    /** Code per level for (lon, lat); {@code null} where none. */
    String[] locate(double lon, double lat) {
        Point p = factory.createPoint(new Coordinate(lon, lat));
        Envelope env = new Envelope(lon, lon, lat, lat);
        String[] result = new String[4];
        for (int l = 0; l < 4; l++) {
            for (Object o : trees[l].query(env)) {
                Entry e = (Entry) o;
                if ((result[l] == null || e.code().compareTo(result[l]) < 0) && e.geometry().covers(p)) {
                    result[l] = e.code();
                }
            }
        }
        return result;
    }
}
