package cn.gridwatch.grid.imports;

import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.grid.AdminCode;
import cn.gridwatch.grid.io.SourceData;
import cn.gridwatch.grid.io.SourceFormat;
import java.util.List;

/** Decides the source CRS of an import and the QA root of what it imported. Stateless. */
final class ImportCrs {
    private ImportCrs() {
    }

    /**
     * The declared CRS wins over the file's (with a warning when they differ, e.g. GCJ-02 data
     * behind a WGS84 .prj). Without either, GeoJSON is RFC 7946 WGS84 (warned); other formats fail.
     */
    static String resolve(String declared, SourceData data, List<String> warnings) {
        String file = data.fileCrs();
        if (declared != null && !declared.isBlank()) {
            String d = CrsRegistry.canonical(declared);
            if (file != null && !file.equals(d)) {
                warnings.add("the file declares " + file + ", but the declared CRS " + d + " was used");
            }
            return d;
        }
        if (file != null) {
            try {
                return CrsRegistry.canonical(file);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the file's CRS " + file + " is not supported (" + e.getMessage()
                        + "); declare the CRS, one of " + CrsRegistry.supported());
            }
        }
        if (data.format() == SourceFormat.GEOJSON) {
            warnings.add("no CRS declared: GeoJSON taken as EPSG:4326 (RFC 7946); declare GCJ-02 or BD-09"
                    + " for web-map data");
            return "EPSG:4326";
        }
        throw new IllegalArgumentException("the " + data.format().id() + " file declares no CRS; declare it, one of "
                + CrsRegistry.supported());
    }

    /** The deepest admin code whose subtree holds every cell, or null when they span cities. */
    static String commonRoot(List<PreparedCell> cells) {
        String prefix = null;
        for (PreparedCell c : cells) {
            if (!c.code().matches("\\d{12}")) {
                return null;
            }
            prefix = prefix == null ? c.code() : common(prefix, c.code());
        }
        if (prefix == null || prefix.length() < 4) {
            return null;
        }
        int keep = prefix.length() >= 9 ? 9 : prefix.length() >= 6 ? 6 : 4;
        String root = prefix.substring(0, keep) + "0".repeat(12 - keep);
        return root.substring(2, 4).equals("00") ? null : AdminCode.normalize(root);
    }

    private static String common(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
