package cn.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridwatch.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Real data: DataV district boundaries of Changsha and Zhuzhou (GCJ-02) against the Tianditu
 * boundaries of the same districts (CGCS2000). Converting the DataV polygons with
 * {@code toCgcs2000("GCJ-02")} must bring their area centroids from the GCJ-02 offset (hundreds of
 * metres) down to the generalisation noise of the two sources (about a hundred metres, in no common
 * direction), and make every district overlap its reference better.
 */
class DistrictBoundaryOffsetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void converting_datav_gcj02_districts_to_cgcs2000_moves_them_onto_the_tianditu_districts() throws Exception {
        Map<String, Geometry> tianditu = readDistricts(
                SharedData.file("boundaries/DERIVED_tianditu_district_six_cities.geojson"), "district_adcode");
        Map<String, Geometry> datav = new LinkedHashMap<>();
        datav.putAll(readDistricts(SharedData.file("boundaries/430100_changsha_districts.geojson"), "adcode"));
        datav.putAll(readDistricts(SharedData.file("boundaries/430200_zhuzhou_districts.geojson"), "adcode"));
        GeometryTransform gcj02ToCgcs2000 = CrsRegistry.toCgcs2000("GCJ-02");

        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Double> afterEast = new ArrayList<>();
        List<Double> afterNorth = new ArrayList<>();
        for (Map.Entry<String, Geometry> district : datav.entrySet()) {
            Geometry reference = tianditu.get(district.getKey());
            assertThat(reference).as("Tianditu district %s", district.getKey()).isNotNull();
            Geometry gcj02 = district.getValue();
            Geometry converted = gcj02ToCgcs2000.apply(gcj02);
            assertThat(converted.getSRID()).isEqualTo(4490);
            assertThat(converted.getNumPoints()).isEqualTo(gcj02.getNumPoints());
            assertThat(mismatch(converted, reference)).as("area mismatch of %s", district.getKey())
                    .isLessThan(mismatch(gcj02, reference));
            before.add(centroidDistance(gcj02, reference));
            after.add(centroidDistance(converted, reference));
            double[] shift = centroidShift(converted, reference);
            afterEast.add(shift[0]);
            afterNorth.add(shift[1]);
        }

        double medianBefore = median(before);
        double medianAfter = median(after);
        double systematicAfter = Math.hypot(median(afterEast), median(afterNorth));
        System.out.printf("DataV vs Tianditu, %d districts: median centroid distance %.1f m as GCJ-02,"
                + " %.1f m after GCJ-02 -> CGCS2000 (max %.1f m -> %.1f m);"
                + " median shift after (%.1f m E, %.1f m N)%n", datav.size(), medianBefore, medianAfter,
                Collections.max(before), Collections.max(after), median(afterEast), median(afterNorth));
        assertThat(datav).hasSize(18);
        assertThat(medianBefore).isGreaterThan(400.0);
        // Measured 104 m: what is left is the two sources' different generalisation (Tianditu has about
        // a fifth of DataV's vertices); per-district residuals scatter 45..340 m in no common direction.
        assertThat(medianAfter).isGreaterThan(0.0).isLessThan(150.0);
        // The common (systematic) part of the residual, which a wrong transform would leave hundreds
        // of metres long, is a few tens of metres: measured 13 m E, 45 m N. This is the "median
        // difference" of the shared data's PROVENANCE (median shift vector), so it gets the tight bound.
        assertThat(systematicAfter).isLessThan(60.0);
    }

    /** Symmetric difference area as a fraction of the reference area. */
    private static double mismatch(Geometry candidate, Geometry reference) {
        return candidate.symDifference(reference).getArea() / reference.getArea();
    }

    private static double centroidDistance(Geometry a, Geometry b) {
        Point ca = a.getCentroid();
        Point cb = b.getCentroid();
        return Haversine.metres(ca.getX(), ca.getY(), cb.getX(), cb.getY());
    }

    /** Centroid of a minus centroid of b as {east, north} metres (signed, local approximation). */
    private static double[] centroidShift(Geometry a, Geometry b) {
        Point ca = a.getCentroid();
        Point cb = b.getCentroid();
        double east = Math.signum(ca.getX() - cb.getX())
                * Haversine.metres(cb.getX(), cb.getY(), ca.getX(), cb.getY());
        double north = Math.signum(ca.getY() - cb.getY())
                * Haversine.metres(cb.getX(), cb.getY(), cb.getX(), ca.getY());
        return new double[] {east, north};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Reads a GeoJSON FeatureCollection into adcode (as text) -> geometry, keeping file order. */
    private static Map<String, Geometry> readDistricts(Path file, String codeProperty)
            throws IOException, ParseException {
        GeoJsonReader reader = new GeoJsonReader();
        Map<String, Geometry> districts = new LinkedHashMap<>();
        for (JsonNode feature : JSON.readTree(file.toFile()).get("features")) {
            JsonNode code = feature.get("properties").get(codeProperty);
            if (code == null || code.isNull()) {
                continue; // city-level rows have no district code
            }
            districts.put(code.asText(), reader.read(feature.get("geometry").toString()));
        }
        return districts;
    }
}
