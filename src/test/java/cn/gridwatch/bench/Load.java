package cn.gridwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1-, 5- and 15-minute load averages (Linux {@code /proc/loadavg}), to print next to figures. */
final class Load {
    private Load() {
    }

    static String now() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "load unknown (" + e.getMessage() + ")";
        }
    }
}
