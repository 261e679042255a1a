package cn.gridwatch.grid.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a GeoJSON of {@code townships x villagesEach} square villages (0.001 degree, EPSG:4490)
 * under county 430102, codes {@code 430102TTTVVV}: a big, valid import file for fault tests.
 */
final class SyntheticVillages {
    private SyntheticVillages() {
    }

    static Path write(Path file, int townships, int villagesEach) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int t = 1; t <= townships; t++) {
                for (int v = 1; v <= villagesEach; v++) {
                    double x = 112 + v * 0.001;
                    double y = 27 + t * 0.001;
                    if (t > 1 || v > 1) {
                        w.write(",\n");
                    }
                    w.write(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"430102%03d%03d\","
                            + "\"name\":\"第%d村\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.3f,%.3f],"
                            + "[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]]}}", t, v, (t - 1) * villagesEach + v,
                            x, y, x + 0.001, y, x + 0.001, y + 0.001, x, y + 0.001, x, y));
                }
            }
            w.write("\n]}\n");
        }
        return file;
    }
}
