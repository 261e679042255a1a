package cn.gridwatch.map.table;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.db.TestDatabase;
import cn.gridwatch.geo.CrsRegistry;
import cn.gridwatch.map.FeaturePage;
import cn.gridwatch.map.MapFeature;
import cn.gridwatch.map.MapLayer;
import cn.gridwatch.map.TableLayer;
import cn.gridwatch.map.render.MapImageService;
import cn.gridwatch.map.style.Style;
import cn.gridwatch.map.style.Symbol;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * A layer from a table is one declaration: here a road table the routing work will bring (lines,
 * no cell codes, so unscoped), declared in the test, drawn, queried, paged and tiled through the
 * same code as the register layers, on the real PostGIS.
 */
class TableLayerDeclarationTest {
    private static final MapLayer ROADS = MapLayer.table("roads_test", "道路 Roads", "a test road network",
            TableLayer.from("road_test").lines("geom").code("id::text").classBy("kind").columns("kind").unscoped()
                    .build(),
            0, 0, Style.classified("by_kind", "按等级 By kind", java.util.Map.of(
                    "highway", Symbol.line("高速 Highway", new Color(0xE74C3C), 3f)),
                    Symbol.line("其他 Other", new Color(0x888888), 1f)));
    private static TestDatabase.Fresh db;
    private static TableFeatureSource tables;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        db.db().inTransaction("a road table", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("""
                        create table road_test (id bigserial primary key, kind text not null, name text,
                                                geom geometry(MultiLineString, 4490) not null);
                        insert into road_test (kind, name, geom) values
                        ('highway', '京港澳高速', ST_Multi(ST_GeomFromText('LINESTRING(112 27.5, 114 27.5)', 4490))),
                        ('local', '乡道', ST_Multi(ST_GeomFromText('LINESTRING(113 27, 113 29)', 4490)));""");
            }
            return null;
        });
        tables = new TableFeatureSource(db.db(), Clock.systemDefaultZone());
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void a_line_layer_from_a_declaration_draws_with_the_symbol_of_each_class() {
        MapImageService images = new MapImageService(null, null, tables);
        BufferedImage img = images.render(new MapImageService.Request(List.of(ROADS), List.of(ROADS.defaultStyle()),
                CrsRegistry.parse("EPSG:4326"), new Envelope(112, 114, 27, 29), 200, 200, Color.WHITE, null,
                code -> true, new TableFilter(null, "430103")));
        assertThat(img.getRGB(50, 150) & 0xFFFFFF).as("the highway at 27.5N, red").isEqualTo(0xE74C3C);
        assertThat(img.getRGB(100, 50) & 0xFFFFFF).as("the local road at 113E, grey").isNotEqualTo(0xFFFFFF);
        assertThat(img.getRGB(50, 50) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void an_unscoped_layer_shows_every_row_to_an_officer_and_has_no_cell_codes() {
        FeaturePage page = tables.page(ROADS, null, new TableFilter(null, "430103"), 10, 0);
        assertThat(page.matched()).isEqualTo(2);
        assertThat(page.rows().get(0).properties()).containsKeys("code", "name", "class", "kind")
                .doesNotContainKey("village_code");
        assertThat(page.rows().get(0).geometryJson()).contains("MultiLineString");
        List<MapFeature> near = tables.near(ROADS, 112.5, 27.501, 0.01, TableFilter.ALL, 5);
        assertThat(near).extracting(MapFeature::name).containsExactly("京港澳高速");
        assertThat(tables.mvt(ROADS, 8, 208, 107, 0, TableFilter.ALL)).isNotEmpty();
    }
}
