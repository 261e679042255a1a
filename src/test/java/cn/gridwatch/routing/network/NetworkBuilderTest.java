package cn.gridwatch.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.gridwatch.routing.network.osm.BuiltEdge;
import cn.gridwatch.routing.network.osm.BuiltNetwork;
import cn.gridwatch.routing.network.osm.NetworkBuilder;
import cn.gridwatch.routing.network.osm.OsmFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkBuilderTest {
    @TempDir
    Path tmp;

    private static BuiltEdge edge(BuiltNetwork n, long way, int from, int to) {
        return n.edges().stream().filter(e -> e.osmWayId() == way && osm(n, e.source()) == from && osm(n, e.target()) == to)
                .findFirst().orElseThrow(() -> new AssertionError("no edge of way " + way + " from n" + from + " to n" + to));
    }

    private static long osm(BuiltNetwork n, int vertex) {
        return n.vertexOsmIds()[vertex - 1];
    }

    @Test
    void the_tiny_fixture_splits_at_junctions_and_keeps_only_roads_cars_may_use() throws IOException {
        BuiltNetwork n = NetworkBuilder.build(RoadFixture.tinyOsm(), OsmFormat.sniff(RoadFixture.tinyOsm()));

        assertThat(n.format()).isEqualTo("osm");
        assertThat(n.osmNodes()).isEqualTo(12); // the deleted node is skipped
        assertThat(n.osmWays()).isEqualTo(12);
        assertThat(n.routableWays()).isEqualTo(10); // not the footway, not access=no
        assertThat(n.missingNodes()).isEqualTo(1);
        assertThat(n.vertexOsmIds()).containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10, 11);
        assertThat(n.edges()).hasSize(12);
        assertThat(n.oneWayEdges()).isEqualTo(6);
        assertThat(n.components()).isEqualTo(2);
        assertThat(n.largestComponentVertices()).isEqualTo(8);
        assertThat(n.isolatedEdges()).isEqualTo(1);
        assertThat(n.edgesByClass()).containsEntry("residential", 7).containsEntry("motorway", 1)
                .containsEntry("primary", 1).containsEntry("unclassified", 1).containsEntry("service", 1)
                .containsEntry("tertiary", 1);
    }

    @Test
    void costs_are_seconds_at_the_class_speed_and_minus_one_against_a_one_way() throws IOException {
        BuiltNetwork n = NetworkBuilder.build(RoadFixture.tinyOsm(), OsmFormat.XML);

        BuiltEdge dongfeng = edge(n, 100, 1, 2);
        assertThat(dongfeng.lengthM()).isCloseTo(RoadFixture.EW, within(0.05));
        assertThat(dongfeng.cost()).isCloseTo(dongfeng.lengthM() / (25 / 3.6), within(1e-9));
        assertThat(dongfeng.reverseCost()).isEqualTo(dongfeng.cost());
        assertThat(dongfeng.name()).isEqualTo("东风路");

        BuiltEdge renmin = edge(n, 101, 4, 5); // the repeated node 5 is one point
        assertThat(renmin.xy()).hasSize(4);
        assertThat(renmin.cost()).isPositive();
        assertThat(renmin.reverseCost()).isEqualTo(-1);

        BuiltEdge c001 = edge(n, 104, 3, 6); // oneway=-1: only against the way
        assertThat(c001.cost()).isEqualTo(-1);
        assertThat(c001.reverseCost()).isCloseTo(RoadFixture.NS / (30 / 3.6), within(0.01));
        assertThat(c001.name()).isEqualTo("C001");

        BuiltEdge motorway = edge(n, 109, 6, 11);
        assertThat(motorway.reverseCost()).isEqualTo(-1);

        BuiltEdge primary = edge(n, 107, 3, 10);
        assertThat(primary.maxspeedKmh()).isEqualTo(36.0);
        assertThat(primary.speedKmh()).isCloseTo(32.4, within(1e-9));

        BuiltEdge roundaboutIn = edge(n, 110, 10, 11); // through n12, which no other way uses
        assertThat(roundaboutIn.xy()).hasSize(6);
        assertThat(roundaboutIn.reverseCost()).isEqualTo(-1);
        assertThat(edge(n, 110, 11, 10).reverseCost()).isEqualTo(-1);

        BuiltEdge lonely = edge(n, 106, 8, 9);
        assertThat(lonely.isolated()).isTrue();
        assertThat(lonely.component()).isEqualTo(1);
        assertThat(dongfeng.isolated()).isFalse();
        assertThat(dongfeng.component()).isZero();
    }

    @Test
    void gzip_compressed_xml_gives_the_same_network() throws IOException {
        Path gz = tmp.resolve("tiny.osm.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(RoadFixture.tinyOsm()));
        }
        assertThat(OsmFormat.sniff(gz)).isEqualTo(OsmFormat.XML_GZ);
        BuiltNetwork n = NetworkBuilder.build(gz, OsmFormat.XML_GZ);
        assertThat(n.edges()).hasSize(12);
        assertThat(n.format()).isEqualTo("osm.gz");
    }

    @Test
    void malformed_xml_is_refused_with_the_line() throws IOException {
        Path bad = tmp.resolve("bad.osm");
        Files.writeString(bad, "<osm>\n<node id=\"1\" lat=\"28\" lon=\"113\"/>\n<way id=\"2\"><nd ref=\"1\"/>\n</osm>\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NetworkBuilder.build(bad, OsmFormat.sniff(bad)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.osm")
                .hasMessageContaining("line 4");
    }

    @Test
    void a_node_outside_the_earth_is_refused_naming_it() throws IOException {
        Path bad = tmp.resolve("far.osm");
        Files.writeString(bad, "<osm>\n<node id=\"17\" lat=\"95\" lon=\"113\"/>\n</osm>\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NetworkBuilder.build(bad, OsmFormat.XML))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 17").hasMessageContaining("lat")
                .hasMessageContaining("line 2");
    }

    @Test
    void files_that_are_not_osm_are_named_as_such() throws IOException {
        Path csv = tmp.resolve("points.osm");
        Files.writeString(csv, "lon,lat\n113,28\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OsmFormat.sniff(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points.osm is not an OSM file");
        Path html = tmp.resolve("page.osm");
        Files.writeString(html, "<html><body/></html>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NetworkBuilder.build(html, OsmFormat.sniff(html)))
                .hasMessageContaining("root element is <html>");
    }

    @Test
    void external_entities_are_not_resolved() throws IOException {
        Path xxe = tmp.resolve("xxe.osm");
        Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE osm [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<osm><way id=\"1\"><tag k=\"name\" v=\"&x;\"/></way></osm>\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NetworkBuilder.build(xxe, OsmFormat.XML)).isInstanceOf(IllegalArgumentException.class);
    }
}
