package cn.gridwatch.grid.io;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats the grid import reads. Immutable. */
public enum SourceFormat {
    GEOJSON("geojson"),
    SHAPEFILE("shapefile"),
    GEOPACKAGE("gpkg"),
    CSV("csv");

    private final String id;

    SourceFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The format named by {@code text} ({@code geojson, shapefile|shp, gpkg|geopackage, csv}). */
    public static SourceFormat parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "geojson": case "json":
                return GEOJSON;
            case "shapefile": case "shp": case "zip":
                return SHAPEFILE;
            case "gpkg": case "geopackage":
                return GEOPACKAGE;
            case "csv":
                return CSV;
            default:
                throw new IllegalArgumentException(
                        "unknown format '" + text + "'; use one of geojson, shapefile, gpkg, csv");
        }
    }

    /** The format implied by the file name's extension ({@code .zip} is taken as a zipped Shapefile). */
    public static SourceFormat fromPath(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("cannot tell the format of '" + path
                    + "' without an extension; declare it (geojson, shapefile, gpkg, csv)");
        }
        return parse(name.substring(dot + 1));
    }
}
