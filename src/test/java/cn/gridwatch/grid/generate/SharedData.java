package cn.gridwatch.grid.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the shared test data: env GRIDWATCH_SHARED_DATA, else ../shared/data beside the project. */
final class SharedData {
    private SharedData() {
    }

    /** The file under the shared data directory; the test is skipped, saying where it looked, if absent. */
    static Path file(String relative) {
        String env = System.getenv("GRIDWATCH_SHARED_DATA");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
        Path file = root.resolve(relative).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isReadable(file),
                "shared data not found at " + file + "; set GRIDWATCH_SHARED_DATA to the data directory");
        return file;
    }
}
