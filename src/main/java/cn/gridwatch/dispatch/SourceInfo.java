package cn.gridwatch.dispatch;

import cn.gridwatch.register.GridCells;

/** What a dispatch answer says about a source: code, name, category, point (EPSG:4490) and cells. Immutable. */
public record SourceInfo(long id, String code, String name, String category, double lon, double lat, GridCells cells) {
}
