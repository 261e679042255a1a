package cn.gridwatch.grid.generate;

/**
 * The demo city's central street grid: 9 x 9 streets 250 m apart around the city seat (the centre
 * crossing), Chinese street names, the centre row and column tertiary and the rest residential. Four
 * rows and four columns are one-way, in pairs of opposite directions (some tagged {@code oneway=yes},
 * some {@code oneway=-1}), and the crossing two streets north-east of the centre is a counter-clockwise
 * roundabout ({@code junction=roundabout}, radius 50 m). Every one-way street starts and ends on
 * two-way streets, so the grid stays strongly connected. Stateless.
 */
final class CityStreets {
    static final int HALF = 4;
    static final double SPACING_M = 250;
    static final double ROUNDABOUT_RADIUS_M = 50;
    private static final String[] ROWS = {"湘江路", "解放路", "建设路", "中山路", "人民路", "新华路", "五一路", "八一路", "文化路"};
    private static final String[] COLS = {"青年街", "胜利街", "和平街", "朝阳街", "光明街", "长青街", "韶山街", "芙蓉街", "东风街"};
    private static final int RI = 2;
    private static final int RJ = 2;

    private CityStreets() {
    }

    /** Draws the grid around (lon, lat); returns the node of the centre crossing. */
    static long draw(RoadSketch s, double lon, double lat) {
        int n = 2 * HALF + 1;
        long[][] at = new long[n][n];
        for (int j = -HALF; j <= HALF; j++) {
            for (int i = -HALF; i <= HALF; i++) {
                if (i != RI || j != RJ) {
                    at[i + HALF][j + HALF] = s.nodeOffset(lon, lat, i * SPACING_M, j * SPACING_M);
                }
            }
        }
        long[] ring = new long[8];
        for (int k = 0; k < 8; k++) { // counter-clockwise from east: traffic keeps right
            double a = Math.PI / 4 * k;
            ring[k] = s.nodeOffset(lon, lat, RI * SPACING_M + ROUNDABOUT_RADIUS_M * Math.cos(a),
                    RJ * SPACING_M + ROUNDABOUT_RADIUS_M * Math.sin(a));
        }
        long east = ring[0];
        long north = ring[2];
        long west = ring[4];
        long south = ring[6];
        for (int j = -HALF; j <= HALF; j++) {
            long[] row = new long[n];
            for (int i = 0; i < n; i++) {
                row[i] = at[i][j + HALF];
            }
            String[] tags = streetTags(ROWS[j + HALF], j);
            if (j == RJ) {
                s.way(slice(row, 0, RI + HALF, west), tags);
                s.way(prepend(east, slice(row, RI + HALF + 1, n, -1)), tags);
            } else {
                s.way(row, tags);
            }
        }
        for (int i = -HALF; i <= HALF; i++) {
            long[] col = at[i + HALF].clone();
            String[] tags = streetTags(COLS[i + HALF], i);
            if (i == RI) {
                s.way(slice(col, 0, RJ + HALF, south), tags);
                s.way(prepend(north, slice(col, RJ + HALF + 1, n, -1)), tags);
            } else {
                s.way(col, tags);
            }
        }
        long[] closed = new long[9];
        System.arraycopy(ring, 0, closed, 0, 8);
        closed[8] = ring[0];
        s.way(closed, "highway", "tertiary", "junction", "roundabout", "name", "五一广场环岛");
        return at[HALF][HALF];
    }

    /** Rows/columns 1 and -3 run with the way (east or north), -1 and 3 against it. */
    private static String[] streetTags(String name, int index) {
        String oneway = index == 1 || index == -3 ? "yes" : index == -1 || index == 3 ? "-1" : null;
        String highway = index == 0 ? "tertiary" : "residential";
        return new String[] {"highway", highway, "name", name, "oneway", oneway};
    }

    /** Elements from..to-1, then {@code last} when it is not -1. */
    private static long[] slice(long[] a, int from, int to, long last) {
        int len = to - from + (last == -1 ? 0 : 1);
        long[] out = new long[len];
        System.arraycopy(a, from, out, 0, to - from);
        if (last != -1) {
            out[len - 1] = last;
        }
        return out;
    }

    private static long[] prepend(long first, long[] rest) {
        long[] out = new long[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
