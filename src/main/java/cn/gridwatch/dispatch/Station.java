package cn.gridwatch.dispatch;

import cn.gridwatch.register.GridCells;

/** An air station as dispatch needs it: code, name, point (EPSG:4490, x = lon) and cells. Immutable. */
public record Station(String code, String name, double lon, double lat, GridCells cells) {
}
