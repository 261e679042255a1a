package cn.gridwatch.grid.locate;

/**
 * The exact point tests of all cells of one level, flattened into a few shared primitive arrays:
 * the same banded ray-crossing test as {@link PolygonalShape#covers} (same band function, same
 * edges, same predicate, so the same answers), but each band's edges are stored as consecutive
 * {@code x1, y1, x2, y2} quadruples. A test then reads a handful of arrays in sequence instead of
 * chasing cell, part, band and vertex objects, which at province scale means fewer cache misses.
 *
 * <p>Coordinates as in the geometries (EPSG:4490: x = longitude, y = latitude). Immutable;
 * {@link #covers} allocates nothing and is thread-safe.
 */
final class LevelShapes {
    private static final int BOX = 5;
    /** Cell c has the parts {@code cellParts[c] .. cellParts[c + 1]}. */
    private final int[] cellParts;
    /** Per part: minX, minY, maxX, maxY, bandInv. */
    private final double[] partBox;
    /** Per part: its band count and the index of its band 0 in {@link #bandStart}. */
    private final int[] partBands;
    /** Band k's edges are the quadruples {@code bandStart[k] .. bandStart[k + 1]} of {@link #edges}. */
    private final int[] bandStart;
    private final double[] edges;

    LevelShapes(CellShape[] shapes) {
        int parts = 0;
        int bands = 0;
        int entries = 0;
        for (CellShape s : shapes) {
            for (PolygonalShape p : s.parts()) {
                parts++;
                bands += p.bandCount();
                entries += p.bandEdges().length;
            }
        }
        cellParts = new int[shapes.length + 1];
        partBox = new double[parts * BOX];
        partBands = new int[parts * 2];
        bandStart = new int[bands + 1];
        edges = new double[entries * 4];
        int part = 0;
        int band = 0;
        int entry = 0;
        for (int c = 0; c < shapes.length; c++) {
            for (PolygonalShape p : shapes[c].parts()) {
                partBox[part * BOX] = p.minX();
                partBox[part * BOX + 1] = p.minY();
                partBox[part * BOX + 2] = p.maxX();
                partBox[part * BOX + 3] = p.maxY();
                partBox[part * BOX + 4] = p.bandInv();
                partBands[part * 2] = p.bandCount();
                partBands[part * 2 + 1] = band;
                int[] starts = p.bandStart();
                int[] list = p.bandEdges();
                double[] xs = p.xs();
                double[] ys = p.ys();
                for (int b = 0; b < p.bandCount(); b++) {
                    bandStart[band++] = entry;
                    for (int k = starts[b]; k < starts[b + 1]; k++) {
                        int e = list[k];
                        edges[entry * 4] = xs[e];
                        edges[entry * 4 + 1] = ys[e];
                        edges[entry * 4 + 2] = xs[e + 1];
                        edges[entry * 4 + 3] = ys[e + 1];
                        entry++;
                    }
                }
                part++;
            }
            cellParts[c + 1] = part;
        }
        bandStart[band] = entry;
    }

    /** True when cell {@code c} covers (x, y): interior or boundary of any of its parts. */
    boolean covers(int c, double x, double y) {
        for (int p = cellParts[c], end = cellParts[c + 1]; p < end; p++) {
            if (partCovers(p, x, y)) {
                return true;
            }
        }
        return false;
    }

    private boolean partCovers(int p, double x, double y) {
        int o = p * BOX;
        double minY = partBox[o + 1];
        if (!(x >= partBox[o] && x <= partBox[o + 2] && y >= minY && y <= partBox[o + 3])) {
            return false;
        }
        int bandCount = partBands[p * 2];
        int b = (int) ((y - minY) * partBox[o + 4]);
        b = b < 0 ? 0 : Math.min(b, bandCount - 1);
        int k = partBands[p * 2 + 1] + b;
        return PolygonalShape.coversByEdges(edges, bandStart[k], bandStart[k + 1], x, y);
    }
}
