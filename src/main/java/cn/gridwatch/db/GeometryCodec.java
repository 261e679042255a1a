package cn.gridwatch.db;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * JTS to PostGIS and back through WKB. Write with {@code ST_GeomFromWKB(?, 4490)} and read
 * {@code ST_AsBinary(geom)}; the SRID travels beside the bytes, never inside SQL text.
 * Thread-safe (a new reader and writer per call; they are cheap).
 */
public final class GeometryCodec {
    public static final int CGCS2000 = 4490;
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), CGCS2000);

    private GeometryCodec() {
    }

    public static GeometryFactory factory() {
        return FACTORY;
    }

    public static byte[] toWkb(Geometry g) {
        return new WKBWriter(2).write(g);
    }

    public static Geometry fromWkb(byte[] wkb) {
        if (wkb == null) {
            return null;
        }
        try {
            Geometry g = new WKBReader(FACTORY).read(wkb);
            g.setSRID(CGCS2000);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned WKB that JTS cannot read", e);
        }
    }
}
