package cn.gridwatch.geo;

/**
 * Point transforms between WGS84/CGCS2000, GCJ-02 (AMap/Gaode, Tencent) and BD-09 (Baidu).
 *
 * <p>All coordinates are decimal degrees, longitude first: every method takes {@code (lon, lat)} and
 * returns a new {@code double[] {lon, lat}}. CGCS2000 and WGS84 are treated as the same datum
 * (they differ by centimetres).
 *
 * <p>The forward transforms are the widely published formulas: WGS84 to GCJ-02 uses the Krasovsky
 * ellipsoid ({@code a = 6378245.0}, {@code ee = 0.00669342162296594323}) and the two
 * {@code transformLat}/{@code transformLon} polynomials, and is the identity outside the usual rough
 * bounding box of China (lon 72.004..137.8347, lat 0.8293..55.8271). GCJ-02 to BD-09 uses
 * {@code x_pi = PI * 3000 / 180} and the {@code +0.0065/+0.006} shift everywhere.
 *
 * <p>No closed-form inverse exists, so the inverses iterate the forward transform (fixed point:
 * {@code guess -= forward(guess) - target}) until the residual is below {@value #TOLERANCE_DEG}
 * degrees (about 0.1 mm) or {@value #MAX_ITERATIONS} iterations are done; the best guess is
 * returned. Inside China the round trip error is far below 0.5 m. Within a few hundred metres of
 * the edge of the bounding box, where the forward transform jumps, the iteration may not converge
 * and the best guess can be off by up to the offset itself (hundreds of metres).
 *
 * <p>Stateless and thread-safe.
 */
public final class ChinaOffsets {
    /** Convergence threshold of the iterative inverses, in degrees. */
    public static final double TOLERANCE_DEG = 1e-9;
    /** Iteration cap of the iterative inverses. */
    public static final int MAX_ITERATIONS = 50;

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private ChinaOffsets() {
    }

    /** True when GCJ-02 applies no offset at this point (outside the rough bounding box of China). */
    public static boolean outsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84/CGCS2000 to GCJ-02 (the public forward formula). */
    public static double[] wgs84ToGcj02(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    /** GCJ-02 to WGS84/CGCS2000, iterative inverse of {@link #wgs84ToGcj02}. */
    public static double[] gcj02ToWgs84(double lon, double lat) {
        return invert(ChinaOffsets::wgs84ToGcj02, lon, lat);
    }

    /** GCJ-02 to BD-09 (the public forward formula). */
    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /** BD-09 to GCJ-02, iterative inverse of {@link #gcj02ToBd09}. */
    public static double[] bd09ToGcj02(double lon, double lat) {
        return invert(ChinaOffsets::gcj02ToBd09, lon, lat);
    }

    /** WGS84/CGCS2000 to BD-09 (through GCJ-02). */
    public static double[] wgs84ToBd09(double lon, double lat) {
        double[] gcj = wgs84ToGcj02(lon, lat);
        return gcj02ToBd09(gcj[0], gcj[1]);
    }

    /** BD-09 to WGS84/CGCS2000 (through GCJ-02), both steps iterative. */
    public static double[] bd09ToWgs84(double lon, double lat) {
        double[] gcj = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(gcj[0], gcj[1]);
    }

    @FunctionalInterface
    private interface LonLatFunction {
        double[] apply(double lon, double lat);
    }

    /**
     * Solves {@code forward(p) = target} by fixed-point iteration. The first step starts from the
     * target itself, so it is the classic one-shot approximation {@code target - (forward(target) -
     * target)}; later steps refine it. Converges fast because both offsets vary slowly.
     */
    private static double[] invert(LonLatFunction forward, double targetLon, double targetLat) {
        double lon = targetLon;
        double lat = targetLat;
        double bestLon = lon;
        double bestLat = lat;
        double bestResidual = Double.POSITIVE_INFINITY;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] f = forward.apply(lon, lat);
            double dLon = f[0] - targetLon;
            double dLat = f[1] - targetLat;
            double residual = Math.max(Math.abs(dLon), Math.abs(dLat));
            if (residual < bestResidual) {
                bestResidual = residual;
                bestLon = lon;
                bestLat = lat;
            }
            if (!(residual >= TOLERANCE_DEG)) {
                break; // converged, or NaN input: nothing to gain from more steps
            }
            lon -= dLon;
            lat -= dLat;
        }
        return new double[] {bestLon, bestLat};
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
