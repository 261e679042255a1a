package cn.gridwatch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Test helper, the one place that finds the shared real-data folder (/work/shared/data in the dev setup). Order: system
 * property {@code gridwatch.shared.data}, environment variable {@code GRIDWATCH_SHARED_DATA}, then
 * {@code ../shared/data} relative to the working directory (Maven runs tests from the project root).
 * An explicit override that does not exist fails the test; a missing default aborts it as skipped,
 * so a fresh clone without the shared folder still builds.
 */
public final class SharedData {
    public static final String PROPERTY = "gridwatch.shared.data";
    public static final String ENV = "GRIDWATCH_SHARED_DATA";

    private SharedData() {
    }

    public static Path dir() {
        String override = System.getProperty(PROPERTY, System.getenv(ENV));
        if (override != null && !override.isBlank()) {
            Path dir = Path.of(override);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("shared data dir " + dir.toAbsolutePath()
                        + " (from -D" + PROPERTY + " or " + ENV + ") does not exist");
            }
            return dir;
        }
        Path dir = Path.of("..", "shared", "data").toAbsolutePath().normalize();
        if ("true".equals(System.getenv("CI")) && !Files.isDirectory(dir)) {
            throw new IllegalStateException("shared data dir " + dir + " not found, and CI must run the real-data tests");
        }
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "shared data dir " + dir
                + " not found; set -D" + PROPERTY + " or " + ENV + " to run the real-data tests");
        return dir;
    }

    public static Path file(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared data file " + file.toAbsolutePath() + " is missing");
        }
        return file;
    }
}
