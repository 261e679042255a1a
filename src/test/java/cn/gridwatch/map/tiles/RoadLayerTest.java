package cn.gridwatch.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.GridwatchServerExtension;
import cn.gridwatch.SharedData;
import cn.gridwatch.TestServer;
import cn.gridwatch.map.MapLayers;
import cn.gridwatch.map.TableLayer;
import cn.gridwatch.security.Actor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code roads} layer over Monaco's road network (imported through the road import service):
 * major roads from zoom 10, tertiary, residential and smaller roads from zoom 12, in vector tiles
 * and (by scale) in maps; one network by {@code network=}.
 */
class RoadLayerTest {
    @RegisterExtension
    static final GridwatchServerExtension server = GridwatchServerExtension.server();
    private static String token;
    private static long networkId;

    @BeforeAll
    static void start() {
        token = server.tokenFor(TestServer.ADMIN);
        server.services().roadImports().importFile(SharedData.file("osm/monaco.osm.gz"), "monaco", "monaco.osm.gz",
                false, Actor.system("test"));
        networkId = server.http().get("/ogc/collections/roads/items?limit=1").json().get("features").get(0)
                .get("properties").get("network_id").asLong();
    }

    private static byte[] tile(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isIn(200, 204);
        return r.body();
    }

    @Test
    void minor_roads_appear_from_zoom_12_and_major_ones_from_zoom_10() throws Exception {
        Map<String, MvtReader.Layer> z11 = MvtReader.layers(tile("/tiles/roads/11/1066/746.mvt"));
        Map<String, MvtReader.Layer> z12 = MvtReader.layers(tile("/tiles/roads/12/2132/1493.mvt"));
        assertThat(z11.get("roads").stringValues()).contains("primary").doesNotContain("residential", "minor");
        assertThat(z12.get("roads").stringValues()).contains("primary", "residential");
        assertThat(z12.get("roads").features()).isGreaterThan(z11.get("roads").features());
        assertThat(tile("/tiles/roads/9/266/186.mvt")).as("below zoom 10: nothing").isEmpty();
        assertThat(tile("/tiles/roads/12/2132/1493.mvt?network=" + (networkId + 1))).as("another network").isEmpty();
        assertThat(tile("/tiles/roads/12/2132/1493.mvt?network=" + networkId)).isNotEmpty();
    }

    @Test
    void maps_leave_minor_roads_out_above_about_1_to_190000() {
        TableLayer roads = MapLayers.find("roads").orElseThrow().table();
        assertThat(roads.hidesDetailAt(272_989)).as("zoom 11").isTrue();
        assertThat(roads.hidesDetailAt(136_495)).as("zoom 12").isFalse();
        assertThat(roads.hidesDetailAtZoom(11)).isTrue();
        assertThat(roads.hidesDetailAtZoom(12)).isFalse();
    }
}
