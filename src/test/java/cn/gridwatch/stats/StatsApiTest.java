package cn.gridwatch.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.TestHttp;
import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Statistics, rankings and summaries over HTTP on the real server and PostGIS, against the
 * hand-checked {@link StatsFixture} (every expected figure is derived in its Javadoc).
 */
class StatsApiTest {
    private static final String P = "from=2025-03-01&to=2025-03-29";
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    private static TestHttp http;

    @BeforeAll
    static void start() {
        http = server.http();
        StatsFixture.insert(server.db());
    }

    @Test
    void township_statistics_match_the_hand_checked_figures() {
        JsonNode j = ok("/api/stats?level=township&root=430100&" + P);
        assertThat(j.get("days").asInt()).isEqualTo(28);
        assertThat(j.get("required").get("key").asInt()).isEqualTo(8);
        assertThat(j.get("required").get("complaint").asInt()).isEqualTo(1);
        assertThat(j.get("required").get("other").asInt()).isEqualTo(1);
        Map<String, JsonNode> t = byCode(j.get("cells"));
        assertThat(t.keySet()).containsExactly("430102001", "430102002", "430103001", "430103002");

        JsonNode t1 = t.get("430102001");
        assertThat(t1.get("name").asText()).isEqualTo("定王台街道");
        assertThat(t1.get("sources").get("total").asInt()).isEqualTo(4); // S5 is closed
        assertThat(t1.get("sources").get("byClass").get("special").asInt()).isEqualTo(1);
        assertThat(t1.get("sources").get("byClass").get("general").asInt()).isEqualTo(2);
        assertThat(t1.get("sources").get("byCategory").get("restaurant").asInt()).isEqualTo(1);
        assertThat(t1.get("stations").get("total").asInt()).isEqualTo(1); // M1; M2 retired before the end
        assertThat(t1.get("stations").get("byType").get("national_air").asInt()).isEqualTo(1);
        assertThat(t1.get("complaints").asInt()).isEqualTo(2);
        assertThat(t1.get("patrols").asInt()).isEqualTo(9); // PR22 starts exactly at the end: excluded
        assertThat(t1.get("complaintsPerSource").asDouble()).isEqualTo(0.5);
        assertCoverage(t1, 4, 2, 0.5);
        assertThat(t1.get("coverage").get("byTarget").get("key").get("targets").asInt()).isEqualTo(2);
        assertThat(t1.get("coverage").get("byTarget").get("key").get("met").asInt()).isEqualTo(1);
        assertThat(t1.get("coverage").get("byTarget").get("complaint").get("met").asInt()).isEqualTo(1);
        assertProblems(t1, 2, 1, 4, 3, 1, 48.0);
        assertThat(t1.get("problems").get("overdueRate").asDouble()).isEqualTo(0.5);

        JsonNode t2 = t.get("430102002"); // rows stored with short-form codes
        assertThat(t2.get("sources").get("total").asInt()).isEqualTo(2);
        assertThat(t2.get("patrols").asInt()).isEqualTo(8);
        assertThat(t2.get("stations").get("total").asInt()).isZero(); // M4 opens after the period
        assertCoverage(t2, 2, 2, 1.0);
        assertProblems(t2, 1, 1, 1, 0, 0, null);

        JsonNode t3 = t.get("430103001");
        assertThat(t3.get("stations").get("byType").get("township_air").asInt()).isEqualTo(1);
        assertCoverage(t3, 2, 1, 0.5);
        assertProblems(t3, 0, 0, 2, 2, 0, 18.0);
        assertThat(t3.get("problems").get("overdueRate").isNull()).isTrue();

        JsonNode t4 = t.get("430103002");
        assertCoverage(t4, 1, 0, 0.0);
        assertProblems(t4, 1, 1, 1, 0, 0, null);
        assertThat(t4.get("patrols").asInt()).isZero();

        JsonNode total = j.get("total");
        assertThat(total.get("name").asText()).isEqualTo("长沙市");
        assertThat(total.get("sources").get("total").asInt()).isEqualTo(9);
        assertThat(total.get("patrols").asInt()).isEqualTo(20);
        assertThat(total.get("complaints").asInt()).isEqualTo(3);
        assertCoverage(total, 9, 5, 5.0 / 9);
        assertProblems(total, 4, 3, 8, 5, 1, 26.0); // median of 10, 24, 26, 48, 72 h
    }

    @Test
    void county_statistics_apply_the_county_rule() {
        JsonNode j = ok("/api/stats?level=county&" + P);
        assertThat(j.get("root").get("code").isNull()).isTrue();
        assertThat(j.get("required").get("key").asInt()).isEqualTo(4);
        assertThat(j.get("required").has("other")).isFalse();
        Map<String, JsonNode> c = byCode(j.get("cells"));
        assertCoverage(c.get("430102"), 4, 3, 0.75); // S1, S2, S6 met; complaint target S3 did not
        assertCoverage(c.get("430103"), 1, 0, 0.0);
        assertProblems(c.get("430102"), 3, 2, 5, 3, 1, 48.0);
        assertProblems(c.get("430103"), 1, 1, 3, 2, 0, 18.0);
        assertThat(c.get("430102").get("patrols").asInt()).isEqualTo(17);
    }

    @Test
    void village_coverage_counts_days_in_beijing_time() {
        // 4 days: every source needs 2 patrols; PR1 at 2025-02-28 17:00 UTC is 1 March in Beijing
        JsonNode j = ok("/api/stats?level=village&root=430102001&from=2025-03-01&to=2025-03-05");
        assertThat(j.get("required").get("other").asInt()).isEqualTo(2);
        Map<String, JsonNode> v = byCode(j.get("cells"));
        assertCoverage(v.get("430102001001"), 3, 2, 2.0 / 3);
        assertCoverage(v.get("430102001002"), 1, 0, 0.0);
        JsonNode county = ok("/api/stats?level=county&from=2025-03-01&to=2025-03-05");
        assertThat(county.get("required").size()).isZero(); // weekly needs no patrol in 4 days
        assertThat(county.get("total").get("coverage").get("rate").isNull()).isTrue();
    }

    @Test
    void coverage_ranking_shares_rank_two_and_skips_to_four() {
        JsonNode j = ok("/api/stats/rankings?level=township&metric=coverage&" + P);
        assertThat(j.get("better").asText()).isEqualTo("higher");
        assertThat(j.get("previousFrom").asText()).isEqualTo("2025-02-01");
        assertThat(rows(j)).containsExactly(
                "1 430102002 1.0 0.0 1.0", "2 430102001 0.5 0.0 0.5", "2 430103001 0.5 0.0 0.5",
                "4 430103002 0.0 1.0 -1.0");
    }

    @Test
    void overdue_ranking_puts_lower_first_and_cells_without_open_problems_last_without_rank() {
        JsonNode j = ok("/api/stats/rankings?level=township&metric=overdue_rate&" + P);
        assertThat(j.get("better").asText()).isEqualTo("lower");
        assertThat(rows(j)).containsExactly(
                "1 430102001 0.5 0.0 0.5", "2 430102002 1.0 null null", "2 430103002 1.0 null null",
                "null 430103001 null null null");
    }

    @Test
    void improvement_ranking_ranks_by_the_change_in_the_better_direction() {
        JsonNode j = ok("/api/stats/rankings?level=township&metric=improvement&of=coverage&" + P);
        assertThat(j.get("rankedBy").asText()).isEqualTo("improvement");
        List<String> ranks = new ArrayList<>();
        j.get("items").forEach(r -> ranks.add(r.get("rank").asText() + " " + r.get("shortCode").asText() + " "
                + r.get("improvement").asText()));
        assertThat(ranks).containsExactly("1 430102002 1.0", "2 430102001 0.5", "2 430103001 0.5",
                "4 430103002 -1.0");
        JsonNode median = ok("/api/stats/rankings?level=township&parent=430103&metric=median_close_hours&" + P);
        assertThat(rows(median)).containsExactly("1 430103001 18.0 null null", "null 430103002 null null null");
    }

    @Test
    void csv_exports_have_a_header_one_line_per_cell_and_the_total() {
        Reply r = http.get("/api/stats?level=township&root=430100&format=csv&" + P);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).contains("stats-township-2025-03-01-2025-03-29.csv");
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(6);
        List<String> header = List.of(lines[0].split(","));
        List<String> t1 = List.of(lines[1].split(",", -1));
        assertThat(t1.get(header.indexOf("code"))).isEqualTo("430102001");
        assertThat(t1.get(header.indexOf("coverage"))).isEqualTo("0.5");
        assertThat(t1.get(header.indexOf("median_close_hours"))).isEqualTo("48");
        List<String> total = List.of(lines[5].split(",", -1));
        assertThat(total.get(0)).isEqualTo("430100");
        assertThat(total.get(header.indexOf("problems_overdue"))).isEqualTo("3");

        Reply rank = http.get("/api/stats/rankings?level=township&metric=coverage&format=csv&" + P);
        String[] rl = rank.body().split("\r\n");
        assertThat(rl[0]).startsWith("rank,code,name,metric,ranked_by,value,previous,change,improvement");
        assertThat(rl[3]).startsWith("2,430103001,坡子街街道,coverage,value,0.5,0,0.5,0.5,");
        assertThat(rl[4]).startsWith("4,430103002,");
    }

    @Test
    void the_summary_shows_duties_counts_and_problems_now() {
        JsonNode j = ok("/api/grids/430102001/summary");
        assertThat(j.get("cell").get("name").asText()).isEqualTo("定王台街道");
        assertThat(names(j.get("gridChiefs"))).containsExactly("张三");
        assertThat(names(j.get("gridOfficers"))).containsExactly("李四", "王五"); // 赵六's term ended
        assertThat(j.get("sources").get("total").asInt()).isEqualTo(4);
        assertThat(j.get("sources").get("by").get("key").asInt()).isEqualTo(1);
        assertThat(j.get("stations").get("total").asInt()).isEqualTo(1);
        assertThat(j.get("complaints").asInt()).isEqualTo(1); // C5 three days ago, not C6 forty days ago
        assertThat(j.get("openProblems").asInt()).isEqualTo(3); // P1, P2, P12
        assertThat(j.get("overdueProblems").asInt()).isEqualTo(2); // P1, P2; P12's deadline is ahead
        JsonNode village = ok("/api/grids/430102001001/summary");
        assertThat(village.get("sources").get("total").asInt()).isEqualTo(3);
        assertThat(village.get("gridChiefs").size()).isZero();
    }

    @Test
    void an_officer_gets_their_own_subtree_and_is_refused_outside_it() {
        TestHttp officer = server.userWithToken("tianxin", Role.COUNTY_OFFICER, "430103");
        JsonNode own = officer.get("/api/stats?" + P).json();
        assertThat(own.get("level").asText()).isEqualTo("township");
        assertThat(byCode(own.get("cells")).keySet()).containsExactly("430103001", "430103002");

        Reply outside = officer.get("/api/stats?root=430102&" + P);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("detail").asText()).contains("430102");
        assertThat(officer.get("/api/stats?root=430100&" + P).status()).isEqualTo(403);
        assertThat(officer.get("/api/stats/rankings?parent=430102&" + P).status()).isEqualTo(403);
        assertThat(officer.get("/api/stats/rankings?level=county&" + P).json().get("items").size()).isEqualTo(1);
        assertThat(officer.get("/api/stats/rankings?level=city&" + P).status()).isEqualTo(400);
        assertThat(officer.get("/api/grids/430102001/summary").status()).isEqualTo(404);
        assertThat(officer.get("/api/grids/430103001/summary").status()).isEqualTo(200);

        TestHttp gis = server.userWithToken("gis", Role.GIS_CLIENT, null);
        assertThat(gis.get("/api/stats?level=county&" + P).status()).isEqualTo(200);
        assertThat(http.anonymous().get("/api/stats?" + P).status()).isEqualTo(401);
    }

    @Test
    void bad_parameters_are_refused_with_the_parameter_named() {
        assertBad("/api/stats?level=parish&" + P, "'level'");
        assertBad("/api/stats?from=2025-03-29&to=2025-03-01", "'from' must be before 'to'");
        assertBad("/api/stats?from=2025-13-01&to=2025-03-01", "'from'");
        assertBad("/api/stats?root=43x&" + P, "'root'");
        assertBad("/api/stats?root=430102001&level=county&" + P, "level 'county' lies above the root 430102001");
        assertBad("/api/stats?format=xml&" + P, "'format'");
        assertBad("/api/stats/rankings?metric=beauty&" + P, "'metric'");
        assertBad("/api/stats/rankings?metric=coverage&of=coverage&" + P, "'of'");
        assertBad("/api/stats?from=2000-01-01&to=2025-01-01", "at most");
        assertBad("/api/stats?from=0001-01-01&to=0001-02-01", "on or after 1900-01-01");
        assertThat(http.get("/api/stats?root=430199&" + P).status()).isEqualTo(404);
        assertThat(http.get("/api/grids/430199/summary").status()).isEqualTo(404);
    }

    private static void assertBad(String url, String detail) {
        Reply r = http.get(url);
        assertThat(r.status()).as(url + " -> " + r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains(detail);
    }

    private static JsonNode ok(String url) {
        Reply r = http.get(url);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, JsonNode> byCode(JsonNode cells) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        cells.forEach(c -> m.put(c.get("shortCode").asText(), c));
        return m;
    }

    private static void assertCoverage(JsonNode cell, int targets, int met, double rate) {
        JsonNode c = cell.get("coverage");
        assertThat(c.get("targets").asInt()).as("targets of " + cell.get("code")).isEqualTo(targets);
        assertThat(c.get("met").asInt()).as("met of " + cell.get("code")).isEqualTo(met);
        assertThat(c.get("rate").asDouble()).isCloseTo(rate, within(1e-12));
    }

    private static void assertProblems(JsonNode cell, int open, int overdue, int found, int closed, int unfixed,
            Double medianHours) {
        JsonNode p = cell.get("problems");
        String what = "problems of " + cell.get("code");
        assertThat(List.of(p.get("open").asInt(), p.get("overdue").asInt(), p.get("found").asInt(),
                p.get("closed").asInt(), p.get("closedUnfixed").asInt())).as(what)
                .containsExactly(open, overdue, found, closed, unfixed);
        if (medianHours == null) {
            assertThat(p.get("medianCloseHours").isNull()).as(what).isTrue();
        } else {
            assertThat(p.get("medianCloseHours").asDouble()).as(what).isCloseTo(medianHours, within(1e-9));
        }
    }

    private static List<String> rows(JsonNode ranking) {
        List<String> out = new ArrayList<>();
        ranking.get("items").forEach(r -> out.add(r.get("rank").asText() + " " + r.get("shortCode").asText() + " "
                + r.get("value").asText() + " " + r.get("previous").asText() + " " + r.get("change").asText()));
        return out;
    }

    private static List<String> names(JsonNode people) {
        List<String> out = new ArrayList<>();
        people.forEach(p -> out.add(p.get("name").asText()));
        return out;
    }
}
