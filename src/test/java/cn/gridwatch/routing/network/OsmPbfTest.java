package cn.gridwatch.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.routing.network.osm.BuiltEdge;
import cn.gridwatch.routing.network.osm.BuiltNetwork;
import cn.gridwatch.routing.network.osm.NetworkBuilder;
import cn.gridwatch.routing.network.osm.OsmFormat;
import cn.gridwatch.routing.network.osm.OsmHandler;
import cn.gridwatch.routing.network.osm.OsmReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmPbfTest {
    @TempDir
    Path tmp;

    /** Copies every node and way of an OSM XML file into a PBF file. */
    private static void xmlToPbf(Path xml, Path pbf) throws IOException {
        PbfWriter w = new PbfWriter();
        OsmReader.read(xml, OsmFormat.XML, new OsmHandler() {
            @Override
            public boolean wantsNodes() {
                return true;
            }

            @Override
            public boolean wantsWays() {
                return true;
            }

            @Override
            public void node(long id, double lon, double lat) {
                w.node(id, lon, lat);
            }

            @Override
            public void way(long id, long[] refs, Map<String, String> tags) {
                w.way(id, refs, tags);
            }
        });
        w.write(pbf);
    }

    @Test
    void a_pbf_file_gives_the_same_network_as_its_xml() throws IOException {
        Path pbf = tmp.resolve("tiny.osm.pbf");
        xmlToPbf(RoadFixture.tinyOsm(), pbf);

        assertThat(OsmFormat.sniff(pbf)).isEqualTo(OsmFormat.PBF);
        BuiltNetwork fromPbf = NetworkBuilder.build(pbf, OsmFormat.PBF);
        BuiltNetwork fromXml = NetworkBuilder.build(RoadFixture.tinyOsm(), OsmFormat.XML);

        assertThat(fromPbf.format()).isEqualTo("osm.pbf");
        assertThat(fromPbf.osmNodes()).isEqualTo(fromXml.osmNodes());
        assertThat(fromPbf.vertexOsmIds()).containsExactly(fromXml.vertexOsmIds());
        assertThat(fromPbf.edges()).hasSameSizeAs(fromXml.edges());
        for (int i = 0; i < fromXml.edges().size(); i++) {
            BuiltEdge a = fromXml.edges().get(i);
            BuiltEdge b = fromPbf.edges().get(i);
            assertThat(b.osmWayId()).isEqualTo(a.osmWayId());
            assertThat(b.source()).isEqualTo(a.source());
            assertThat(b.target()).isEqualTo(a.target());
            assertThat(b.cost()).isCloseTo(a.cost(), org.assertj.core.data.Offset.offset(1e-3));
            assertThat(b.reverseCost()).isCloseTo(a.reverseCost(), org.assertj.core.data.Offset.offset(1e-3));
            assertThat(b.name()).isEqualTo(a.name());
        }
    }

    @Test
    void a_pbf_needing_an_unknown_feature_is_refused_naming_it() throws IOException {
        Path pbf = tmp.resolve("history.osh.pbf");
        new PbfWriter().node(1, 113, 28).requireFeature("HistoricalInformation").write(pbf);
        assertThatThrownBy(() -> NetworkBuilder.build(pbf, OsmFormat.sniff(pbf)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HistoricalInformation");
    }

    @Test
    void a_truncated_pbf_is_refused() throws IOException {
        Path pbf = tmp.resolve("whole.osm.pbf");
        xmlToPbf(RoadFixture.tinyOsm(), pbf);
        byte[] bytes = Files.readAllBytes(pbf);
        Path cut = tmp.resolve("cut.osm.pbf");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        assertThatThrownBy(() -> NetworkBuilder.build(cut, OsmFormat.sniff(cut)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut.osm.pbf");
    }
}
