package cn.gridwatch.dispatch;

import cn.gridwatch.register.GridCells;

/**
 * An active pollution source within the search radius of a station: geodesic distance in metres
 * and bearing from the station in degrees clockwise from north (null when the points coincide);
 * point in EPSG:4490. Immutable.
 */
public record NearbySource(String stationCode, long sourceId, String code, String name, String category,
        GridCells cells, double lon, double lat, double distanceM, Double bearingDeg) {
}
