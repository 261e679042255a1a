package cn.gridwatch.grid.locate;

/**
 * A uniform grid of {@code nx * ny} buckets over a rectangle, in degrees (x = longitude,
 * y = latitude). Bucket {@code (i, j)} has id {@code j * nx + i}.
 *
 * <p>The column of {@code x} is {@code clamp(floor((x - minX) * nx / width))}, a monotone function of
 * {@code x}; the same for rows. Classification at build time never relies on the exact rounding:
 * it works on each bucket's rectangle widened by {@link #slackX()} / {@link #slackY()} (a millionth
 * of a bucket, orders of magnitude above any rounding error), which contains every point that the
 * query-time function maps to that bucket.
 *
 * <p>Immutable and thread-safe.
 */
final class BucketGrid {
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final int nx;
    private final int ny;
    private final double cellW;
    private final double cellH;
    private final double invW;
    private final double invH;

    BucketGrid(double minX, double minY, double maxX, double maxY, int nx, int ny) {
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        this.nx = nx;
        this.ny = ny;
        this.cellW = maxX > minX ? (maxX - minX) / nx : 1.0;
        this.cellH = maxY > minY ? (maxY - minY) / ny : 1.0;
        this.invW = 1.0 / cellW;
        this.invH = 1.0 / cellH;
    }

    /**
     * A grid over the extent with about {@code targetBuckets} roughly square buckets.
     */
    static BucketGrid over(double minX, double minY, double maxX, double maxY, long targetBuckets) {
        double w = Math.max(maxX - minX, 1e-12);
        double h = Math.max(maxY - minY, 1e-12);
        double side = Math.sqrt(w * h / Math.max(1, targetBuckets));
        int nx = (int) Math.max(1, Math.min(1 << 14, Math.round(w / side)));
        int ny = (int) Math.max(1, Math.min(1 << 14, Math.round(h / side)));
        return new BucketGrid(minX, minY, maxX, maxY, nx, ny);
    }

    int nx() {
        return nx;
    }

    int ny() {
        return ny;
    }

    int size() {
        return nx * ny;
    }

    /** True when (x, y) lies in the closed extent; false for NaN. */
    boolean contains(double x, double y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }

    int col(double x) {
        int i = (int) ((x - minX) * invW);
        return i < 0 ? 0 : (i >= nx ? nx - 1 : i);
    }

    int row(double y) {
        int j = (int) ((y - minY) * invH);
        return j < 0 ? 0 : (j >= ny ? ny - 1 : j);
    }

    /** Bucket id of a point inside the extent. */
    int bucket(double x, double y) {
        return row(y) * nx + col(x);
    }

    double colMin(int i) {
        return minX + i * cellW;
    }

    double rowMin(int j) {
        return minY + j * cellH;
    }

    double cellW() {
        return cellW;
    }

    double cellH() {
        return cellH;
    }

    double slackX() {
        return cellW * 1e-6;
    }

    double slackY() {
        return cellH * 1e-6;
    }
}
