package cn.gridwatch.grid.io;

import java.util.List;

/**
 * Everything read from one source file.
 *
 * @param format   the format that was read
 * @param features the features in file order
 * @param fileCrs  the CRS the file declares (canonical id such as {@code EPSG:4490}), or {@code null}
 *                 when it declares none or one that could not be identified
 * @param notes    observations for the report, e.g. an unidentified {@code .prj}
 */
public record SourceData(SourceFormat format, List<SourceFeature> features, String fileCrs, List<String> notes) {
}
