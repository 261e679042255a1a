package cn.gridwatch;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in, sessions, tokens, roles and jurisdiction on the real server and PostGIS. Fixture: city
 * 432000 with counties 432002 (west) and 432021 (east), one township in each; a county officer of
 * 432002, a GIS client and a township officer.
 */
class SecurityApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static TestHttp admin;
    private static TestHttp county;
    private static TestHttp gis;
    private static TestHttp township;

    @BeforeAll
    static void start() {
        admin = server.http();
        assertThat(upload(admin, "city", fc(feature("432000", "湘源市", box(112, 27, 114, 29)))).status()).isEqualTo(201);
        assertThat(upload(admin, "county", fc(
                feature("432002", "枫峰区", box(112, 27, 113, 29)),
                feature("432021", "罗头县", box(113, 27, 114, 29)))).status()).isEqualTo(201);
        assertThat(upload(admin, "township", fc(
                feature("432002001", "五一街道", box(112, 27, 113, 28)),
                feature("432021001", "东门街道", box(113, 27, 114, 28)))).status()).isEqualTo(201);
        county = server.userWithToken("fengfeng", Role.COUNTY_OFFICER, "432002");
        gis = server.userWithToken("qgis", Role.GIS_CLIENT, null);
        township = server.userWithToken("wuyi", Role.TOWNSHIP_OFFICER, "432002001");
    }

    @Test
    void sign_in_sets_an_http_only_session_cookie_that_me_and_logout_accept() {
        Reply login = admin.anonymous().postJson("/api/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).startsWith("gw_session=").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/")
                .doesNotContain("Secure");
        assertThat(login.json().get("user").get("role").asText()).isEqualTo("admin");
        TestHttp browser = admin.anonymous().with("Cookie", cookie.substring(0, cookie.indexOf(';')));
        JsonNode me = browser.get("/api/auth/me").json();
        assertThat(me.get("user").get("username").asText()).isEqualTo("admin");
        assertThat(me.get("via").asText()).isEqualTo("session");
        assertThat(browser.post("/api/auth/logout", new byte[0], "application/json").status()).isEqualTo(200);
        Reply after = browser.get("/api/auth/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("detail").asText()).contains("sign in again");
    }

    @Test
    void a_cookie_authenticated_change_from_another_site_is_refused() {
        TestHttp browser = signedIn("admin", TestServer.ADMIN_PASSWORD);
        Reply evil = browser.with("Origin", "https://evil.example").postJson("/api/auth/tokens", "{\"name\":\"x\"}");
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.json().get("detail").asText()).contains("cross-site");
        assertThat(browser.get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void malformed_and_oversized_json_bodies_are_400_and_413_without_internals() {
        Reply broken = admin.anonymous().post("/api/auth/login", "{\"username\":".getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asText()).contains("not valid JSON").doesNotContain("at com.");
        Reply array = admin.anonymous().postJson("/api/auth/login", "[1,2]");
        assertThat(array.status()).isEqualTo(400);
        Reply big = admin.anonymous().postJson("/api/auth/login", "{\"username\":\"" + "a".repeat(70_000) + "\"}");
        assertThat(big.status()).isEqualTo(413);
    }

    @Test
    void the_session_cookie_is_secure_behind_an_https_proxy() {
        Reply login = admin.anonymous().with("X-Forwarded-Proto", "https").postJson("/api/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}");
        assertThat(login.header("Set-Cookie")).contains("; Secure");
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_401() {
        Reply wrong = admin.anonymous().postJson("/api/auth/login", "{\"username\":\"qgis\",\"password\":\"not-the-password\"}");
        Reply unknown = admin.anonymous().postJson("/api/auth/login", "{\"username\":\"nobody\",\"password\":\"not-the-password\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.json().get("detail").asText()).isEqualTo("wrong user name or password");
        Reply bad = admin.anonymous().postJson("/api/auth/login", "{\"username\":\"qgis\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("'password'");
    }

    @Test
    void the_sixth_attempt_after_five_failures_is_429_with_retry_after_even_with_the_right_password() {
        server.userWithToken("victim", Role.PLANNER, null);
        for (int i = 0; i < 5; i++) {
            assertThat(admin.anonymous().postJson("/api/auth/login",
                    "{\"username\":\"victim\",\"password\":\"guess-number-" + i + "\"}").status()).isEqualTo(401);
        }
        Reply limited = admin.anonymous().postJson("/api/auth/login",
                "{\"username\":\"victim\",\"password\":\"victim-password\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(limited.json().get("detail").asText()).contains("too many failed sign-ins").contains("minute");
    }

    @Test
    void requests_without_credentials_get_401_with_a_basic_challenge_and_health_stays_public() {
        Reply r = admin.anonymous().get("/api/grids?level=county");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"gridwatch\", charset=\"UTF-8\"");
        assertThat(r.json().get("title").asText()).isEqualTo("Unauthorized");
        assertThat(r.json().get("detail").asText()).contains("/api/auth/login");
        Reply script = admin.anonymous().with("X-Requested-With", "XMLHttpRequest").get("/api/grids");
        assertThat(script.header("WWW-Authenticate")).isNull();
        assertThat(admin.anonymous().get("/health").status()).isEqualTo(200);
        assertThat(admin.anonymous().get("/api/nothing-here").status()).isEqualTo(401);
    }

    @Test
    void an_api_token_works_as_bearer_basic_and_access_token_until_it_is_revoked() {
        TestHttp session = signedIn("qgis", "qgis-password");
        Reply created = session.postJson("/api/auth/tokens", "{\"name\":\"QGIS laptop\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        long id = created.json().get("token").get("id").asLong();
        assertThat(secret).matches("gw_[A-Za-z0-9_-]{43}");
        TestHttp anon = admin.anonymous();
        assertThat(anon.bearer(secret).get("/api/auth/me").json().get("user").get("username").asText()).isEqualTo("qgis");
        String basic = Base64.getEncoder().encodeToString(("token:" + secret).getBytes(StandardCharsets.UTF_8));
        assertThat(anon.with("Authorization", "Basic " + basic).get("/api/grids?level=county").status()).isEqualTo(200);
        assertThat(anon.get("/api/grids?level=county&access_token=" + secret).status()).isEqualTo(200);
        String password = Base64.getEncoder().encodeToString("qgis:qgis-password".getBytes(StandardCharsets.UTF_8));
        assertThat(anon.with("Authorization", "Basic " + password).get("/api/auth/me").json().get("via").asText())
                .isEqualTo("password");
        JsonNode list = session.get("/api/auth/tokens").json();
        assertThat(list.toString()).contains("QGIS laptop").doesNotContain(secret).doesNotContain("sha256");
        assertThat(anon.bearer(secret).postJson("/api/auth/tokens", "{\"name\":\"child\"}").status()).isEqualTo(403);
        assertThat(county.delete("/api/auth/tokens/" + id).status()).isEqualTo(404);
        assertThat(session.delete("/api/auth/tokens/" + id).status()).isEqualTo(200);
        Reply revoked = anon.bearer(secret).get("/api/auth/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asText()).contains("revoked");
        assertThat(anon.get("/api/grids?access_token=" + secret).status()).isEqualTo(401);
        assertThat(anon.bearer("gw_not-a-token").get("/api/grids").status()).isEqualTo(401);
    }

    @Test
    void a_county_officer_sees_only_their_subtree() {
        assertThat(county.get("/api/grids?level=county").json().findValuesAsText("code")).containsExactly("432002000000");
        assertThat(county.get("/api/grids?level=township").json().findValuesAsText("code"))
                .containsExactly("432002001000");
        assertThat(county.get("/api/grids").json().findValuesAsText("code")).allMatch(c -> c.startsWith("432002"));
        assertThat(county.get("/api/grids/432002").status()).isEqualTo(200);
        Reply other = county.get("/api/grids/432021");
        Reply unknown = county.get("/api/grids/432099");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("detail").asText()).isEqualTo("no grid cell with code '432021' is current");
        assertThat(unknown.json().get("detail").asText()).isEqualTo("no grid cell with code '432099' is current");
        assertThat(county.get("/api/grids/432000").status()).isEqualTo(404);
        assertThat(county.get("/api/grids/432021/history").status()).isEqualTo(404);
        JsonNode own = county.get("/api/grids/432002").json();
        assertThat(own.get("parent").get("name").asText()).isEqualTo("湘源市");

        JsonNode inside = county.get("/api/grids/locate?lon=112.7&lat=27.5").json();
        assertThat(GridApiTest.codes(inside)).containsExactly("432000000000", "432002000000", "432002001000", null);
        JsonNode outside = county.get("/api/grids/locate?lon=113.5&lat=27.5").json();
        assertThat(GridApiTest.codes(outside)).containsExactly("432000000000", null, null, null);
        assertThat(outside.get("message").asText()).contains("outside your jurisdiction");
        Reply bulk = county.post("/api/grids/locate/bulk", "id,lon,lat\n1,112.7,27.5\n2,113.5,27.5\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(bulk.body()).contains("432002001000").doesNotContain("432021");

        JsonNode qa = county.get("/api/grids/qa").json();
        assertThat(qa.get("rootCode").asText()).isEqualTo("432002000000");
        assertThat(county.get("/api/grids/qa?root=432021").status()).isEqualTo(403);
        assertThat(admin.get("/api/grids?level=county").json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void a_county_officer_may_import_inside_but_a_file_reaching_outside_is_refused_whole() {
        Reply mixed = upload(county, "township", fc(
                feature("432002001", "五一街道", box(112, 27, 112.9, 28)),
                feature("432021001", "东门街道", box(113, 27, 113.9, 28))));
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(mixed.json().get("rejections")).hasSize(1);
        assertThat(mixed.json().get("rejections").get(0).get("reason").asText())
                .contains("432021001000").contains("outside your jurisdiction");
        assertThat(admin.get("/api/grids/432021001/history").json()).hasSize(1);
        assertThat(admin.get("/api/grids/432002001/history").json()).hasSize(1);

        Reply ok = upload(county, "village", fc(feature("432002001001", "解放社区", box(112, 27, 112.5, 28))));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(upload(gis, "village", fc(feature("432002001002", "x社区", box(112.5, 27, 113, 28)))).status())
                .isEqualTo(403);
        Reply town = upload(township, "village", fc(feature("432002001002", "x社区", box(112.5, 27, 113, 28))));
        assertThat(town.status()).isEqualTo(403);
        assertThat(town.json().get("detail").asText()).contains("township_officer");
        assertThat(gis.post("/api/grids/qa/repair", new byte[0], "application/json").status()).isEqualTo(403);
    }

    @Test
    void a_replacing_import_is_audited_with_cell_hashes_before_and_after() {
        String before = admin.get("/api/admin/audit?entityType=grid_cell&entityKey=432021000000").body();
        assertThat(before).isEqualTo("[]");
        Reply r = upload(admin, "county", fc(feature("432021", "罗头县", box(113, 27, 114, 28.5))), "2025-01-01");
        assertThat(r.status()).isEqualTo(201);
        JsonNode cell = admin.get("/api/admin/audit?entityType=grid_cell&entityKey=432021000000").json();
        assertThat(cell).hasSize(1);
        assertThat(cell.get(0).get("action").asText()).isEqualTo("grid.cell.replace");
        assertThat(cell.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(cell.get(0).get("before").get("geomHash").asText())
                .isNotEqualTo(cell.get(0).get("after").get("geomHash").asText());
        assertThat(cell.get(0).get("after").get("validFrom").asText()).isEqualTo("2025-01-01");
        JsonNode imp = admin.get("/api/admin/audit?entityType=grid_import&entityKey="
                + r.json().get("importId").asText()).json();
        assertThat(imp.get(0).get("after").get("replaced").asInt()).isEqualTo(1);
        assertThat(imp.get(0).get("after").get("file").asText()).isEqualTo("g.geojson");
    }

    @Test
    void sign_ins_and_token_changes_are_audited() {
        admin.anonymous().postJson("/api/auth/login", "{\"username\":\"wuyi\",\"password\":\"wuyi-password\"}");
        admin.anonymous().postJson("/api/auth/login", "{\"username\":\"wuyi\",\"password\":\"wrong-password\"}");
        JsonNode log = admin.get("/api/admin/audit?entityType=user&entityKey=wuyi").json();
        assertThat(log.findValuesAsText("action")).contains("auth.login", "auth.login_failed", "user.create");
        assertThat(log.toString()).doesNotContain("wrong-password").doesNotContain("wuyi-password").doesNotContain("$2");
        JsonNode tokens = admin.get("/api/admin/audit?entityType=api_token").json();
        assertThat(tokens.findValuesAsText("action")).contains("token.create");
        assertThat(admin.get("/api/admin/audit?entityType=audit_log").status()).isEqualTo(400);
    }

    @Test
    void only_administrators_manage_users_and_hashes_never_leave_the_server() throws Exception {
        assertThat(county.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(county.get("/api/admin/audit").status()).isEqualTo(403);
        Reply users = admin.get("/api/admin/users");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).contains("fengfeng").doesNotContain("$2").doesNotContain("password");
        Reply wrongLevel = admin.postJson("/api/admin/users",
                "{\"username\":\"zz\",\"role\":\"county_officer\",\"grid\":\"432002001\",\"password\":\"long-enough-1\"}");
        assertThat(wrongLevel.status()).isEqualTo(400);
        Reply shortName = admin.postJson("/api/admin/users",
                "{\"username\":\"zz\",\"role\":\"planner\",\"password\":\"long-enough-1\"}");
        assertThat(shortName.json().get("detail").asText()).contains("'username'");
        Reply created = admin.postJson("/api/admin/users",
                "{\"username\":\"Lishi\",\"role\":\"village_officer\",\"grid\":\"432002001001\",\"password\":\"long-enough-1\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("username").asText()).isEqualTo("lishi");
        assertThat(admin.postJson("/api/admin/users",
                "{\"username\":\"lishi\",\"role\":\"planner\",\"password\":\"long-enough-1\"}").status()).isEqualTo(409);
        Reply typo = admin.patchJson("/api/admin/users/lishi", "{\"actve\":false}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().get("detail").asText()).contains("actve");
        Reply lastAdmin = admin.patchJson("/api/admin/users/admin", "{\"active\":false}");
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.json().get("detail").asText()).contains("last active administrator");
        TestHttp lishi = signedIn("lishi", "long-enough-1");
        assertThat(lishi.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(admin.patchJson("/api/admin/users/lishi", "{\"active\":false}").status()).isEqualTo(200);
        assertThat(lishi.get("/api/auth/me").status()).isEqualTo(401);
        try (Connection c = server.db().dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select password_hash from app_user")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).startsWith("$2a$12$");
            }
        }
    }

    // ---------------------------------------------------------------- fixtures

    private static TestHttp signedIn(String username, String password) {
        Reply login = admin.anonymous().postJson("/api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String cookie = login.header("Set-Cookie");
        return admin.anonymous().with("Cookie", cookie.substring(0, cookie.indexOf(';')));
    }

    private static Reply upload(TestHttp as, String level, String body) {
        return upload(as, level, body, "2024-01-01");
    }

    private static Reply upload(TestHttp as, String level, String body, String validFrom) {
        return as.post("/api/grids/import?level=" + level + "&crs=EPSG:4490&noQa=true&validFrom=" + validFrom
                + "&filename=g.geojson", body.getBytes(StandardCharsets.UTF_8), "application/geo+json");
    }
}
