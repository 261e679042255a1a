package cn.gridwatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.geom.Envelope;

/**
 * Properties of the query parameter parsers: any text gives a value or an
 * {@link IllegalArgumentException} naming the parameter, never another exception; good values
 * round-trip.
 */
class ParamsPropertiesTest {

    @Property
    void any_text_parses_or_fails_naming_the_parameter(@ForAll("junk") String text) {
        expectValueOrNamedFailure("lon", () -> Params.parseDouble("lon", text));
        expectValueOrNamedFailure("limit", () -> Params.parseInt("limit", text, 1, 10_000));
        expectValueOrNamedFailure("date", () -> Params.parseDate("date", text));
        expectValueOrNamedFailure("geometry", () -> Params.parseFlag("geometry", text));
        expectValueOrNamedFailure("bbox", () -> Params.parseBbox("bbox", text));
    }

    @Property
    void parsed_doubles_are_finite(@ForAll("junk") String text) {
        try {
            assertThat(Params.parseDouble("x", text)).isFinite();
        } catch (IllegalArgumentException expected) {
            // refused is fine
        }
    }

    @Property
    void a_double_round_trips_through_its_text(@ForAll double d) {
        if (Double.isFinite(d)) {
            assertThat(Params.parseDouble("lat", Double.toString(d))).isEqualTo(d);
        } else {
            assertThatThrownBy(() -> Params.parseDouble("lat", Double.toString(d))).hasMessageContaining("'lat'");
        }
    }

    @Property
    void whole_numbers_are_accepted_exactly_inside_their_range(@ForAll int i) {
        if (i >= 1 && i <= 10_000) {
            assertThat(Params.parseInt("limit", Integer.toString(i), 1, 10_000)).isEqualTo(i);
        } else {
            assertThatThrownBy(() -> Params.parseInt("limit", Integer.toString(i), 1, 10_000))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'limit'")
                    .hasMessageContaining(Integer.toString(i));
        }
    }

    @Property
    void parsed_dates_are_in_years_postgresql_can_store(@ForAll("dates") String text) {
        try {
            LocalDate d = Params.parseDate("date", text);
            assertThat(d.getYear()).isBetween(Params.MIN_YEAR, Params.MAX_YEAR);
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("'date'");
        }
    }

    @Example
    void an_extreme_year_that_java_accepts_is_refused_as_bad_input() {
        // regression: +999999999-12-31 parsed, then failed in PostgreSQL and came back as 503
        assertThatThrownBy(() -> Params.parseDate("date", "+999999999-12-31"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'date'").hasMessageContaining("9999");
        assertThatThrownBy(() -> Params.parseDate("date", "0000-01-01")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Params.parseDate("date", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Property
    void a_valid_bbox_round_trips(@ForAll @DoubleRange(min = -180, max = 180) double x0,
            @ForAll @DoubleRange(min = -180, max = 180) double x1,
            @ForAll @DoubleRange(min = -90, max = 90) double y0,
            @ForAll @DoubleRange(min = -90, max = 90) double y1) {
        String text = Math.min(x0, x1) + "," + Math.min(y0, y1) + "," + Math.max(x0, x1) + "," + Math.max(y0, y1);
        Envelope e = Params.parseBbox("bbox", text);
        assertThat(e.getMinX()).isEqualTo(Math.min(x0, x1));
        assertThat(e.getMaxY()).isEqualTo(Math.max(y0, y1));
    }

    @Property
    void a_bbox_outside_lon_lat_or_inverted_is_refused(@ForAll @IntRange(min = 181, max = 100_000_000) int big) {
        assertThatThrownBy(() -> Params.parseBbox("bbox", "0,0," + big + ",1")).hasMessageContaining("'bbox'");
        assertThatThrownBy(() -> Params.parseBbox("bbox", "10,0,5,1")).hasMessageContaining("min <= max");
    }

    private static void expectValueOrNamedFailure(String name, Runnable parse) {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains("'" + name + "'");
        }
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789.,-+eE xXpPabcdefINaNfinity:").ofMaxLength(30),
                Arbitraries.of("NaN", "Infinity", "-Infinity", "1e309", "-0", "0x1p3", "1d", "1f", "", ",,,",
                        "1,2,3,4,5", "1,2,3", "NaN,0,1,1", "0,0,Infinity,1", "2147483648", "-2147483649",
                        "１２３", "٣", "+999999999-12-31", "2024-02-30", "true", "YES", "0"));
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.oneOf(
                Arbitraries.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-01-01", "0001-01-01",
                        "9999-12-31", "2024-02-29", "2023-02-29", "2024-13-01", "24-01-01"),
                Arbitraries.integers().between(-1_000_000, 1_000_000).map(y -> {
                    String year = y >= 0 && y <= 9999 ? String.format("%04d", y) : (y < 0 ? "-" : "+") + Math.abs(y);
                    return year + "-06-15";
                }));
    }
}
