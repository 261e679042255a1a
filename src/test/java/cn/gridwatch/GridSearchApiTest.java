package cn.gridwatch;

import static cn.gridwatch.TestGrids.box;
import static cn.gridwatch.TestGrids.fc;
import static cn.gridwatch.TestGrids.feature;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.TestHttp.Reply;
import cn.gridwatch.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/grids?q=} on the real server and PostGIS: Chinese partial names, codes and short
 * codes, literal wildcards, jurisdiction, and the error for a too long text. Fixture: the small
 * city of {@link TestGrids} plus one village whose name holds LIKE's wildcard characters.
 */
class GridSearchApiTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.withSmallCity();
    private static TestHttp http;

    @BeforeAll
    static void start() {
        http = server.http();
        TestGrids.importOk(http, "village", fc(
                feature("430102001001", "解放东村社区", box(112, 27, 112.5, 28)),
                feature("430102001002", "马王堆社区", box(112.5, 27, 113, 28)),
                feature("430102002001", "百分之%_社区", box(112, 28, 113, 29))));
    }

    @Test
    void a_chinese_partial_name_finds_the_village() {
        assertThat(names(search("王堆"))).containsExactly("马王堆社区");
    }

    @Test
    void a_common_part_of_names_finds_every_level_coarsest_first() {
        JsonNode j = search("街");
        assertThat(names(j)).containsExactly("定王台街道", "文艺路街道", "坡子街街道", "城南路街道");
        JsonNode all = search("社区");
        assertThat(levels(all)).containsOnly("village");
        JsonNode mixed = search("王");
        assertThat(names(mixed)).containsExactly("定王台街道", "马王堆社区");
    }

    @Test
    void digits_find_the_code_and_its_subtree_by_prefix() {
        JsonNode j = search("430102001");
        assertThat(codes(j)).containsExactly("430102001000", "430102001001", "430102001002");
        assertThat(codes(search("430102001002"))).containsExactly("430102001002");
        assertThat(codes(search("430103"))).containsExactly("430103000000", "430103001000", "430103002000");
    }

    @Test
    void search_combines_with_the_level_filter() {
        assertThat(codes(http.get("/api/grids?level=township&q=" + enc("430102")).json()))
                .containsExactly("430102001000", "430102002000");
    }

    @Test
    void percent_and_underscore_are_literal_not_wildcards() {
        assertThat(names(search("%"))).containsExactly("百分之%_社区");
        assertThat(names(search("_"))).containsExactly("百分之%_社区");
        assertThat(names(search("东_"))).isEmpty();
    }

    @Test
    void a_name_nobody_has_finds_nothing() {
        JsonNode j = search("不存在的村");
        assertThat(j.get("count").asInt()).isZero();
    }

    @Test
    void an_officer_finds_only_cells_in_their_jurisdiction() {
        TestHttp officer = server.userWithToken("search-officer", Role.COUNTY_OFFICER, "430103");
        assertThat(names(officer.get("/api/grids?q=" + enc("街道")).json())).containsExactly("坡子街街道", "城南路街道");
        assertThat(names(officer.get("/api/grids?q=" + enc("马王")).json())).isEmpty();
    }

    @Test
    void a_search_text_over_100_characters_is_refused_naming_q() {
        Reply r = http.get("/api/grids?q=" + enc("村".repeat(101)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("'q'").contains("100");
    }

    private static JsonNode search(String q) {
        Reply r = http.get("/api/grids?q=" + enc(q));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode j) {
        return field(j, "name");
    }

    private static List<String> codes(JsonNode j) {
        return field(j, "code");
    }

    private static List<String> levels(JsonNode j) {
        return field(j, "level");
    }

    private static List<String> field(JsonNode j, String name) {
        List<String> out = new ArrayList<>();
        j.get("cells").forEach(c -> out.add(c.get(name).asText()));
        return out;
    }
}
