package cn.gridwatch.web;

import cn.gridwatch.db.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code gridwatch serve} in a new JVM (the test's class path) on a free loopback port over an
 * existing test database: a real restart, JIT and all, for the cold load timings. Its output lines
 * are kept so a test can wait for one (e.g. the tile warm-up's). Close stops it (SIGTERM, then
 * forcibly after 10 s). Not thread-safe.
 */
final class FreshServer implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final int port;

    FreshServer(TestDatabase.Fresh db) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "cn.gridwatch.Main", "serve")
                .redirectErrorStream(true);
        pb.environment().put("GRIDWATCH_DB_URL", db.url());
        pb.environment().put("GRIDWATCH_DB_USER", TestDatabase.user());
        pb.environment().put("GRIDWATCH_DB_PASSWORD", TestDatabase.password() == null ? "" : TestDatabase.password());
        pb.environment().put("GRIDWATCH_HOST", "127.0.0.1");
        pb.environment().put("GRIDWATCH_PORT", String.valueOf(port));
        process = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        }, "fresh-server-output");
        reader.setDaemon(true);
        reader.start();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until {@code GET /} answers; returns the milliseconds since the process started. */
    long awaitServing() throws InterruptedException {
        long t0 = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("gridwatch serve exited with " + process.exitValue() + ": " + lines);
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(), HttpResponse.BodyHandlers.discarding());
                return System.currentTimeMillis() - t0;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("gridwatch serve did not answer within 120 s: " + lines);
    }

    /** Waits for an output line matching {@code regex}; returns it. */
    String awaitLine(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (p.matcher(line).find()) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no output line matching " + regex + " within 120 s: " + lines);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
