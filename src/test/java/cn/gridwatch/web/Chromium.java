package cn.gridwatch.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Debian {@code chromium} driven by Playwright for Java: the driver (with its own node) comes in
 * the Maven artifact, so this works offline after the first fetch, and no browser is ever
 * downloaded ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}). The browser is
 * {@code /usr/lib/chromium/chromium}, or {@code GRIDWATCH_CHROMIUM} when set. A missing browser fails
 * the test with the line that installs it (never a skip: {@code ./gridwatch test} installs it).
 * Close it to stop the browser and the driver. Not thread-safe (one per test class).
 */
final class Chromium implements AutoCloseable {
    static final String DEFAULT_PATH = "/usr/lib/chromium/chromium";
    private final Playwright playwright;
    private final Browser browser;

    Chromium() {
        Path exe = Path.of(System.getenv().getOrDefault("GRIDWATCH_CHROMIUM", DEFAULT_PATH));
        if (!Files.isExecutable(exe)) {
            throw new AssertionError("the browser tests need Chromium at " + exe + " and it is not there: install it "
                    + "with 'apt-get install chromium' (./gridwatch test does), or set GRIDWATCH_CHROMIUM to its path");
        }
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(exe)
                    .setHeadless(true)
                    .setArgs(java.util.List.of("--disable-gpu", "--disable-dev-shm-usage")));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
