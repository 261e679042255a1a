package cn.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class CrsRegistryTest {

    private static final WKTReader WKT = new WKTReader(new GeometryFactory());

    @Test
    void identifiers_are_trimmed_case_insensitive_and_canonicalised() {
        assertThat(CrsRegistry.canonical(" epsg:4490 ")).isEqualTo("EPSG:4490");
        assertThat(CrsRegistry.canonical("4326")).isEqualTo("EPSG:4326");
        assertThat(CrsRegistry.canonical("crs:84")).isEqualTo("CRS:84");
        assertThat(CrsRegistry.canonical("urn:ogc:def:crs:OGC:1.3:CRS84")).isEqualTo("CRS:84");
        assertThat(CrsRegistry.canonical("urn:ogc:def:crs:EPSG::4490")).isEqualTo("EPSG:4490");
        assertThat(CrsRegistry.canonical("900913")).isEqualTo("EPSG:3857");
        assertThat(CrsRegistry.canonical("EPSG:900913")).isEqualTo("EPSG:3857");
        assertThat(CrsRegistry.canonical("epsg:4547")).isEqualTo("EPSG:4547");
        assertThat(CrsRegistry.canonical("gcj-02")).isEqualTo("GCJ-02");
        assertThat(CrsRegistry.canonical("GCJ02")).isEqualTo("GCJ-02");
        assertThat(CrsRegistry.canonical("gcj")).isEqualTo("GCJ-02");
        assertThat(CrsRegistry.canonical("BD09")).isEqualTo("BD-09");
        assertThat(CrsRegistry.canonical("bd")).isEqualTo("BD-09");
    }

    @Test
    void supported_lists_every_canonical_id_once() {
        assertThat(CrsRegistry.supported())
                .startsWith("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857", "EPSG:4513")
                .endsWith("EPSG:4554", "GCJ-02", "BD-09")
                .hasSize(4 + 42 + 2)
                .doesNotHaveDuplicates();
        assertThat(CrsRegistry.supported()).allSatisfy(id -> assertThat(CrsRegistry.canonical(id)).isEqualTo(id));
    }

    @Test
    void unknown_identifiers_are_rejected_with_the_id_and_the_supported_list() {
        assertThatThrownBy(() -> CrsRegistry.parse("EPSG:2436"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'EPSG:2436'")
                .hasMessageContaining("EPSG:4490")
                .hasMessageContaining("GCJ-02");
        assertThatThrownBy(() -> CrsRegistry.parse("WGS84 please")).hasMessageContaining("'WGS84 please'");
        assertThatThrownBy(() -> CrsRegistry.parse("EPSG:4512")).hasMessageContaining("'EPSG:4512'");
        assertThatThrownBy(() -> CrsRegistry.parse("EPSG:4555")).hasMessageContaining("'EPSG:4555'");
        assertThatThrownBy(() -> CrsRegistry.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrsRegistry.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void geographic_flag_and_ogc_axis_order_follow_the_epsg_definitions() {
        assertThat(CrsRegistry.isGeographic("EPSG:4490")).isTrue();
        assertThat(CrsRegistry.isGeographic("CRS:84")).isTrue();
        assertThat(CrsRegistry.isGeographic("GCJ-02")).isTrue();
        assertThat(CrsRegistry.isGeographic("BD-09")).isTrue();
        assertThat(CrsRegistry.isGeographic("EPSG:3857")).isFalse();
        assertThat(CrsRegistry.isGeographic("EPSG:4547")).isFalse();

        assertThat(CrsRegistry.axisOrderIsYX("EPSG:4490")).isTrue();
        assertThat(CrsRegistry.axisOrderIsYX("EPSG:4326")).isTrue();
        assertThat(CrsRegistry.axisOrderIsYX("EPSG:4513")).isTrue();
        assertThat(CrsRegistry.axisOrderIsYX("EPSG:4554")).isTrue();
        assertThat(CrsRegistry.axisOrderIsYX("CRS:84")).isFalse();
        assertThat(CrsRegistry.axisOrderIsYX("EPSG:3857")).isFalse();
        assertThat(CrsRegistry.axisOrderIsYX("GCJ-02")).isFalse();
        assertThat(CrsRegistry.axisOrderIsYX("BD-09")).isFalse();
    }

    @Test
    void wgs84_and_crs84_are_copied_unchanged_into_cgcs2000_with_srid_4490() throws ParseException {
        Geometry input = WKT.read("POLYGON ((112.9 28.1, 113.0 28.1, 113.0 28.2, 112.9 28.1))");
        input.setSRID(4326);

        Geometry output = CrsRegistry.toCgcs2000("EPSG:4326").apply(input);

        assertThat((Object) output).isNotSameAs(input);
        assertThat(output.getSRID()).isEqualTo(4490);
        assertThat(output.equalsExact(input)).isTrue();
        assertThat(input.getSRID()).isEqualTo(4326);
        assertThat(CrsRegistry.toCgcs2000("CRS:84", 112.9, 28.1)).containsExactly(112.9, 28.1);
    }

    @Test
    void gcj02_geometries_keep_their_structure_and_move_by_the_offset() throws ParseException {
        Geometry input = WKT.read("MULTIPOLYGON (((112.9 28.1, 113.1 28.1, 113.1 28.3, 112.9 28.3, 112.9 28.1),"
                + " (112.95 28.15, 112.95 28.2, 113.0 28.2, 112.95 28.15)), ((114 27, 114.1 27, 114 27.1, 114 27)))");
        Geometry before = input.copy();

        Geometry output = CrsRegistry.toCgcs2000("GCJ-02").apply(input);

        assertThat(input.equalsExact(before)).as("input untouched").isTrue();
        assertThat(output.getSRID()).isEqualTo(4490);
        assertThat(output.getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(output.getNumGeometries()).isEqualTo(2);
        assertThat(((Polygon) output.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        assertThat(output.getGeometryN(0).getSRID()).isEqualTo(4490);
        assertThat(output.getNumPoints()).isEqualTo(input.getNumPoints());
        double[] expected = ChinaOffsets.gcj02ToWgs84(112.9, 28.1);
        assertThat(output.getCoordinates()[0].x).isEqualTo(expected[0]);
        assertThat(output.getCoordinates()[0].y).isEqualTo(expected[1]);
        assertThat(output.isValid()).isTrue();
    }

    @Test
    void from_cgcs2000_inverts_to_cgcs2000_for_every_supported_crs() {
        double lon = 113.1;
        double lat = 27.9;
        for (String id : CrsRegistry.supported()) {
            if (GaussKruger.isZone(CrsRegistry.parse(id).srid())
                    && Math.abs(GaussKruger.centralMeridian(CrsRegistry.parse(id).srid()) - lon) > 2) {
                continue; // far outside its zone; covered by GaussKrugerTest
            }
            double[] there = CrsRegistry.fromCgcs2000(id, lon, lat);
            double[] back = CrsRegistry.toCgcs2000(id, there[0], there[1]);
            assertThat(Haversine.metres(lon, lat, back[0], back[1])).as(id).isLessThan(0.01);
        }
    }

    @Test
    void from_cgcs2000_geometries_carry_the_target_srid() throws ParseException {
        Geometry input = WKT.read("POINT (113.1 27.9)");
        assertThat(CrsRegistry.fromCgcs2000("EPSG:3857").apply(input).getSRID()).isEqualTo(3857);
        assertThat(CrsRegistry.fromCgcs2000("EPSG:4547").apply(input).getSRID()).isEqualTo(4547);
        assertThat(CrsRegistry.fromCgcs2000("CRS:84").apply(input).getSRID()).isEqualTo(4326);
        assertThat(CrsRegistry.fromCgcs2000("GCJ-02").apply(input).getSRID()).isZero();
    }

    @Test
    void web_mercator_matches_known_values() {
        assertThat(CrsRegistry.fromCgcs2000("EPSG:3857", 180, 0)[0]).isCloseTo(20037508.342789244, within(1e-6));
        assertThat(CrsRegistry.fromCgcs2000("EPSG:3857", 0, 45)[1]).isCloseTo(5621521.486192, within(1e-3));
        assertThat(CrsRegistry.fromCgcs2000("EPSG:3857", 116.404, 39.915)[0]).isCloseTo(12958034.006, within(1e-3));
        double[] corner = CrsRegistry.toCgcs2000("EPSG:3857", 20037508.342789244, 20037508.342789244);
        assertThat(corner[0]).isCloseTo(180.0, within(1e-9));
        assertThat(corner[1]).isCloseTo(85.0511287798, within(1e-9));
    }

    @Test
    void projected_numbers_declared_as_lon_lat_are_rejected_with_a_hint() {
        assertThatThrownBy(() -> CrsRegistry.toCgcs2000("EPSG:4490", 12958000.0, 4853000.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("coordinate (1.2958E7, 4853000.0) is outside the valid range of EPSG:4490"
                        + " longitude/latitude (lon in [-180, 180], lat in [-90, 90]);"
                        + " is the source CRS really EPSG:4490?");
        assertThatThrownBy(() -> CrsRegistry.toCgcs2000("GCJ-02", 112.9, 128.1))
                .hasMessageContaining("(112.9, 128.1)")
                .hasMessageContaining("GCJ-02");
    }

    @Test
    void out_of_range_coordinates_inside_a_geometry_are_rejected() throws ParseException {
        Geometry input = WKT.read("LINESTRING (112.9 28.1, 3300000 500000)");

        assertThatThrownBy(() -> CrsRegistry.toCgcs2000("CRS:84").apply(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3300000.0, 500000.0)")
                .hasMessageContaining("CRS:84");
    }

    @Test
    void absurd_gauss_kruger_eastings_are_rejected() {
        // zone-prefixed easting declared as the unprefixed EPSG:4547
        assertThatThrownBy(() -> CrsRegistry.toCgcs2000("EPSG:4547", 38_500_000, 3_300_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3.85E7, 3300000.0)")
                .hasMessageContaining("EPSG:4547")
                .hasMessageContaining("central meridian 114E");
        // northing/easting swapped
        assertThatThrownBy(() -> CrsRegistry.toCgcs2000("EPSG:4526", 3_300_000, 38_500_000))
                .hasMessageContaining("EPSG:4526");
        // lon/lat declared as a zone
        assertThatThrownBy(() -> CrsRegistry.toCgcs2000("EPSG:4547", 113.0, 28.0))
                .hasMessageContaining("EPSG:4547");
    }

    @Test
    void non_finite_coordinates_and_results_outside_the_target_range_are_rejected() {
        assertThatThrownBy(() -> CrsRegistry.toCgcs2000("EPSG:4326", Double.NaN, 28.0))
                .hasMessageContaining("(NaN, 28.0)");
        assertThatThrownBy(() -> CrsRegistry.fromCgcs2000("EPSG:3857", 113.0, 90.0))
                .hasMessageContaining("(113.0, 90.0) of EPSG:4490 converts to")
                .hasMessageContaining("outside the valid range of EPSG:3857");
        assertThatThrownBy(() -> CrsRegistry.fromCgcs2000("EPSG:4547", 87.6, 43.8))
                .hasMessageContaining("outside the valid range of EPSG:4547");
    }
}
