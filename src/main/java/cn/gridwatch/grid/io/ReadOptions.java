package cn.gridwatch.grid.io;

import java.nio.charset.Charset;

/**
 * How to read a source file.
 *
 * @param encoding  attribute encoding when the file does not say (a Shapefile without {@code .cpg},
 *                  a CSV); {@code null} means the file's own or UTF-8
 * @param layer     GeoPackage layer name; {@code null} means the first layer
 * @param wktColumn CSV geometry column; {@code null} means the first of {@code wkt, geometry, geom}
 */
public record ReadOptions(Charset encoding, String layer, String wktColumn) {
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, null);
    }
}
