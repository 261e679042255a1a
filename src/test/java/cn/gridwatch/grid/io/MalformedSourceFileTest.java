package cn.gridwatch.grid.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable input is the sender's fault: an IllegalArgumentException (HTTP 400) naming the file and the problem. */
class MalformedSourceFileTest {
    private static final byte[] GARBAGE = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe, 7, 0};

    @TempDir
    Path dir;

    private final SourceReaders readers = new SourceReaders();

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(Path f, String... parts) {
        assertThatThrownBy(() -> readers.read(f, null, new ReadOptions(null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .message().contains(parts);
    }

    @Test
    void a_control_character_in_geojson_names_the_file_line_and_column() throws IOException {
        assertRefused(file("x.geojson", "{\"type\": \u0000\"FeatureCollection\"}"), "x.geojson is not valid GeoJSON",
                "CTRL-CHAR, code 0", "line 1, column 11"); // Jackson counts the column after the bad character
    }

    @Test
    void truncated_geojson_is_not_valid_geojson() throws IOException {
        assertRefused(file("cut.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"prop"),
                "cut.geojson is not valid GeoJSON", "end-of-input");
    }

    @Test
    void binary_garbage_named_geojson_is_not_valid_geojson() throws IOException {
        assertRefused(file("photo.geojson", GARBAGE), "photo.geojson is not valid GeoJSON");
    }

    @Test
    void valid_json_that_is_not_a_feature_collection_says_what_it_is() throws IOException {
        assertRefused(file("point.geojson", "{\"type\":\"Point\",\"coordinates\":[113,28]}"),
                "point.geojson is not a GeoJSON FeatureCollection or Feature", "its type is 'Point'");
        assertRefused(file("list.geojson", "[1, 2]"), "list.geojson", "the document is an array");
        assertRefused(file("untyped.geojson", "{\"features\":[]}"), "untyped.geojson", "no \"type\" member");
        assertRefused(file("numbers.geojson", "{\"type\":\"FeatureCollection\",\"features\":[1,2]}"),
                "numbers.geojson", "feature 1 is a number, not an object");
    }

    @Test
    void a_csv_without_a_wkt_column_lists_the_columns_it_has() throws IOException {
        assertRefused(file("towns.csv", "code,name,lon,lat\n430102001,芙蓉街道,113,28\n"),
                "towns.csv is not a usable CSV", "no WKT column", "[code, name, lon, lat]");
    }

    @Test
    void a_zip_without_a_shapefile_says_what_it_holds() throws IOException {
        Path zip = dir.resolve("towns.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("no shapes here".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertRefused(zip, "towns.zip contains no .shp file", "readme.txt");
    }

    @Test
    void binary_garbage_named_zip_or_shp_is_refused_naming_the_file() throws IOException {
        assertRefused(file("garbage.zip", GARBAGE), "garbage.zip is not a readable zip archive");
        assertRefused(file("garbage.shp", GARBAGE), "garbage.shp cannot be read", "ogr2ogr failed");
    }

    @Test
    void empty_files_are_refused_in_every_format() throws IOException {
        assertRefused(file("empty.geojson", new byte[0]), "empty.geojson is empty");
        assertRefused(file("empty.csv", new byte[0]), "empty.csv is not a usable CSV", "the file is empty");
        assertRefused(file("empty.zip", new byte[0]), "empty.zip is not a readable zip archive");
        assertRefused(file("empty.gpkg", new byte[0]), "empty.gpkg cannot be read");
    }
}
