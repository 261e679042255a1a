package cn.gridwatch.register;

import java.util.List;

/**
 * A register file read into rows of text: the format, the column names of the header (for GeoJSON
 * the union of the property names plus {@code lon}, {@code lat} or {@code wkt} from the geometries)
 * and the rows in file order. Immutable.
 */
public record RegisterTable(RegisterFormat format, List<String> header, List<SourceRow> rows) {
}
