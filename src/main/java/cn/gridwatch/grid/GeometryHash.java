package cn.gridwatch.grid;

import cn.gridwatch.db.GeometryCodec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.locationtech.jts.geom.Geometry;

/**
 * The fingerprint of a stored geometry: SHA-256 (hex) of the WKB of its normalized form
 * ({@link Geometry#norm()}: rings and parts in canonical order), so the same shape written twice
 * hashes the same. Stateless and thread-safe.
 */
public final class GeometryHash {
    private GeometryHash() {
    }

    public static String of(Geometry g) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(GeometryCodec.toWkb(g.norm()));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
