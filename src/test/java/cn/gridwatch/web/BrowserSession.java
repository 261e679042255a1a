package cn.gridwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.security.Role;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browser side of the web tests as a JUnit 5 extension over a {@link GridwatchServerExtension}:
 * Debian's {@link Chromium} for the test class, the screenshot directory ({@link MapPage#SHOTS}) and,
 * with {@link #signedIn}, an administrator created on the server and a 1366x768 desk context signed
 * in as them ({@link #desk()}). Registered on a {@code static} field after the server's, both with
 * {@link org.junit.jupiter.api.Order} so the server starts first and stops last:
 * <pre>{@code
 * @RegisterExtension @Order(1)
 * static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
 * @RegisterExtension @Order(2)
 * static final BrowserSession browser = BrowserSession.signedIn(server, "webadmin");
 * private final MapPage map = browser.newPage();
 * }</pre>
 * {@link #newPage()} opens a tab in the desk context; every tab opened during a test (including at
 * the construction of its test instance, as above) is closed after it, and the test fails if any of
 * them saw an uncaught script error. Not thread-safe: JUnit calls it from one thread per class.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private final GridwatchServerExtension server;
    private final String user;
    private final List<MapPage> pages = new ArrayList<>();
    private Chromium chromium;
    private BrowserContext desk;
    private String base;

    private BrowserSession(GridwatchServerExtension server, String user) {
        this.server = server;
        this.user = user;
    }

    /** Chromium only: no user and no desk context (the tests make their own). */
    static BrowserSession over(GridwatchServerExtension server) {
        return new BrowserSession(server, null);
    }

    /** Chromium and a desk context signed in as {@code user}, an administrator made on the server. */
    static BrowserSession signedIn(GridwatchServerExtension server, String user) {
        return new BrowserSession(server, user);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        base = "http://127.0.0.1:" + server.port();
        if (user != null) {
            server.userWithToken(user, Role.ADMIN, null);
        }
        try {
            Files.createDirectories(MapPage.SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chromium = new Chromium();
        if (user != null) {
            desk = MapPage.signedIn(chromium.browser(), base, 1366, 768, user, password());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> errors = new ArrayList<>();
        try {
            for (MapPage p : pages) {
                errors.addAll(List.copyOf(p.errors()));
                p.close();
            }
        } finally {
            pages.clear();
        }
        assertThat(errors).as("uncaught script errors in the page").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        desk = null;
    }

    /** A new tab in the desk context for the current test, checked and closed after it. */
    MapPage newPage() {
        MapPage p = new MapPage(desk(), base());
        pages.add(p);
        return p;
    }

    /** The browser, for contexts of other sizes or users. */
    Browser chromium() {
        if (chromium == null) {
            throw new IllegalStateException("Chromium is not running: register the BrowserSession with "
                    + "@RegisterExtension on a static field");
        }
        return chromium.browser();
    }

    /** The signed-in desk context (1366x768). */
    BrowserContext desk() {
        if (desk == null) {
            throw new IllegalStateException("no signed-in desk context: make the session with signedIn(server, user)");
        }
        return desk;
    }

    /** The server's address, e.g. {@code http://127.0.0.1:34567}. */
    String base() {
        return base;
    }

    /** The signed-in user's password ({@link cn.gridwatch.TestServer#userWithToken} makes it so). */
    String password() {
        return user + "-password";
    }
}
