package cn.gridwatch.geo;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * TEMP stub of the CRS registry being written on branch {@code geo}; replaced when that lands.
 * Only what the grid import needs: identity for 4490/4326/CRS:84, proj4j for EPSG:3857 and the
 * CGCS2000 Gauss-Krüger zones, a fixed-point inverse for GCJ-02. Thread-safe.
 */
public final class CrsRegistry {
    private CrsRegistry() {
    }

    public static GeometryTransform toCgcs2000(String crsId) {
        String id = canonical(crsId);
        switch (id) {
            case "EPSG:4490":
            case "EPSG:4326":
            case "CRS:84":
                return g -> map(g, (x, y) -> checkLonLat(id, x, y));
            case "GCJ-02":
                return g -> map(g, (x, y) -> gcjToWgs(checkLonLat(id, x, y)));
            default:
                return proj(id);
        }
    }

    public static String canonical(String crsId) {
        if (crsId == null || crsId.isBlank()) {
            throw new IllegalArgumentException("CRS is missing");
        }
        String t = crsId.trim().toUpperCase(Locale.ROOT);
        if (t.equals("GCJ02") || t.equals("GCJ-02")) {
            return "GCJ-02";
        }
        if (t.equals("CRS:84") || t.equals("CRS84")) {
            return "CRS:84";
        }
        if (t.matches("\\d+")) {
            t = "EPSG:" + t;
        }
        if (t.matches("EPSG:(4490|4326|3857)") || t.matches("EPSG:45(1[3-9]|[2-4]\\d|5[0-4])")) {
            return t;
        }
        throw new IllegalArgumentException("unsupported CRS '" + crsId + "'");
    }

    public static boolean isGeographic(String crsId) {
        String id = canonical(crsId);
        return !id.equals("EPSG:3857") && !id.startsWith("EPSG:45");
    }

    public static List<String> supported() {
        return List.of("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857", "EPSG:4513..4554", "GCJ-02");
    }

    private interface XY {
        double[] apply(double x, double y);
    }

    private static GeometryTransform proj(String id) {
        CRSFactory f = new CRSFactory();
        CoordinateReferenceSystem src = f.createFromName(id);
        CoordinateReferenceSystem dst = f.createFromName("EPSG:4490");
        return g -> {
            CoordinateTransform t = new CoordinateTransformFactory().createTransform(src, dst);
            return map(g, (x, y) -> {
                ProjCoordinate out = new ProjCoordinate();
                t.transform(new ProjCoordinate(x, y), out);
                return checkLonLat(id + " (source " + x + ", " + y + ")", out.x, out.y);
            });
        };
    }

    private static double[] checkLonLat(String crs, double x, double y) {
        if (!(x >= 73 && x <= 136 && y >= 3 && y <= 54)) {
            throw new IllegalArgumentException(
                    "coordinate (" + x + ", " + y + ") is outside the valid range of " + crs);
        }
        return new double[] {x, y};
    }

    private static double[] gcjToWgs(double[] c) {
        double gx = c[0];
        double gy = c[1];
        for (int i = 0; i < 30; i++) {
            double[] f = ChinaOffsets.wgs84ToGcj02(gx, gy);
            gx -= f[0] - c[0];
            gy -= f[1] - c[1];
        }
        return new double[] {gx, gy};
    }

    private static Geometry map(Geometry in, XY xy) {
        Geometry g = in.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] r = xy.apply(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, r[0]);
                seq.setOrdinate(i, 1, r[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        g.setSRID(4490);
        return g;
    }
}
