package cn.gridwatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.db.ThrowawayPostgres;
import cn.gridwatch.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Principals are cached in memory (no database work per request), yet revocation, deactivation,
 * role and password changes and sign-out take effect at once on the instance that made them and
 * within a notification's delay on another instance.
 */
class AuthCacheTest {
    /** Generous for a NOTIFY (normally milliseconds) and above the test servers' 2 s version poll. */
    private static final long OTHER_INSTANCE_WAIT_MS = 5_000;
    @RegisterExtension
    final GridwatchServerExtension server = GridwatchServerExtension.server();

    @Test
    void a_revoked_token_is_refused_at_once_on_the_same_instance() {
        TestServer a = server.testServer();
        TestHttp bob = a.userWithToken("bob", Role.PLANNER, null);
        assertThat(bob.get("/api/auth/me").status()).isEqualTo(200); // now cached
        long id = bob.get("/api/auth/tokens").json().get(0).get("id").asLong();
        assertThat(bob.delete("/api/auth/tokens/" + id).status()).isEqualTo(200);
        assertThat(bob.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void a_token_revoked_through_one_instance_is_refused_by_the_other_within_seconds() throws InterruptedException {
        TestServer a = server.testServer();
        TestServer b = server.otherInstance();
        String token = a.tokenFor(TestServer.ADMIN);
        TestHttp onA = a.http().bearer(token);
        TestHttp onB = b.http().bearer(token);
        assertThat(onB.get("/api/auth/me").status()).isEqualTo(200); // cached on b
        long id = onA.get("/api/auth/tokens").json().findValues("id").stream()
                .mapToLong(n -> n.asLong()).max().orElseThrow();
        assertThat(onA.delete("/api/auth/tokens/" + id).status()).isEqualTo(200);
        assertThat(onA.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(statusOn(onB, "/api/auth/me", 401, OTHER_INSTANCE_WAIT_MS)).isEqualTo(401);
    }

    @Test
    void a_deactivated_user_is_refused_at_once_here_and_soon_on_another_instance() throws InterruptedException {
        TestServer a = server.testServer();
        TestServer b = server.otherInstance();
        TestHttp carolOnA = a.userWithToken("carol", Role.PLANNER, null);
        TestHttp carolOnB = b.http().bearer(b.tokenFor("carol"));
        assertThat(carolOnA.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(carolOnB.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(a.http().patchJson("/api/admin/users/carol", "{\"active\":false}").status()).isEqualTo(200);
        assertThat(carolOnA.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(statusOn(carolOnB, "/api/auth/me", 401, OTHER_INSTANCE_WAIT_MS)).isEqualTo(401);
    }

    @Test
    void a_role_change_takes_effect_on_the_next_request() {
        TestServer a = server.testServer();
        TestHttp dave = a.userWithToken("dave", Role.COUNTY_OFFICER, "432002");
        Reply before = dave.get("/api/auth/me"); // now cached
        assertThat(before.json().get("user").get("role").asText()).isEqualTo("county_officer");
        assertThat(before.json().get("scope").get("root").isNull()).isFalse();
        assertThat(a.http().patchJson("/api/admin/users/dave", "{\"role\":\"planner\"}").status()).isEqualTo(200);
        Reply me = dave.get("/api/auth/me");
        assertThat(me.json().get("user").get("role").asText()).isEqualTo("planner");
        assertThat(me.json().get("scope").get("root").isNull()).as("a planner sees the whole grid").isTrue();
    }

    @Test
    void a_password_change_ends_basic_access_at_once() {
        TestServer a = server.testServer();
        a.userWithToken("erin", Role.GIS_CLIENT, null);
        TestHttp basic = a.http().anonymous().with("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("erin:erin-password".getBytes(StandardCharsets.UTF_8)));
        assertThat(basic.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(a.http().patchJson("/api/admin/users/erin", "{\"password\":\"another-password\"}").status())
                .isEqualTo(200);
        assertThat(basic.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void a_session_ended_by_sign_out_is_refused_at_once() {
        TestServer a = server.testServer();
        Reply login = a.http().anonymous().postJson("/api/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}");
        String cookie = login.header("Set-Cookie");
        TestHttp browser = a.http().anonymous().with("Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(browser.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(browser.postJson("/api/auth/logout", "{}").status()).isEqualTo(200);
        assertThat(browser.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void a_cached_token_keeps_locate_answering_while_the_database_is_down() {
        try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
            TestDatabase.Fresh db = pg.fresh("gw_authcache", 4);
            TestServer a = new TestServer(db);
            try {
                String locate = "/api/grids/locate?lon=112.5&lat=27.5";
                assertThat(a.http().get(locate).status()).isEqualTo(200);
                pg.stop();
                assertThat(a.http().get(locate).status()).isEqualTo(200);
                assertThat(a.http().bearer("gw_" + "x".repeat(43)).get(locate).status())
                        .as("an unknown token still needs the database").isEqualTo(503);
                pg.startAgain();
            } finally {
                a.close();
                db.db().close();
            }
        }
    }

    /** Polls until {@code path} answers {@code expected} or {@code waitMs} passes; the last status. */
    private static int statusOn(TestHttp http, String path, int expected, long waitMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMs;
        int now = http.get(path).status();
        while (now != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            now = http.get(path).status();
        }
        return now;
    }
}
