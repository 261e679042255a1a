package cn.gridwatch.dispatch;

/**
 * The active sources within the search radius of one station, as parallel arrays (kept primitive:
 * a city station has hundreds of them and a day's dispatch ranks them thousands of times): source
 * id, geodesic distance in metres, bearing from the station in degrees clockwise from north (NaN
 * where source and station coincide). Effectively immutable; do not change the arrays.
 */
public record Neighbours(long[] sourceIds, double[] distanceM, double[] bearingDeg) {
    public static final Neighbours NONE = new Neighbours(new long[0], new double[0], new double[0]);

    public int size() {
        return sourceIds.length;
    }
}
