package cn.gridwatch.grid;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of administrative codes: normalize is idempotent and only ever returns 12 digits,
 * every short form normalizes back, a parent is one level up and a prefix of its child, and any
 * text is either a code or an {@link IllegalArgumentException}.
 */
class AdminCodePropertiesTest {

    @Property
    void any_text_is_a_12_digit_code_or_an_illegal_argument(@ForAll("junk") String text) {
        try {
            String c = AdminCode.normalize(text);
            assertThat(c).matches("\\d{12}");
            assertThat(AdminCode.normalize(c)).isEqualTo(c);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property
    void short_form_normalizes_back_and_the_parent_is_one_level_up(@ForAll("codes") String code) {
        String c = AdminCode.normalize(code);
        GridLevel level = AdminCode.levelOf(c);
        assertThat(AdminCode.normalize(AdminCode.shortForm(c))).isEqualTo(c);
        String parent = AdminCode.parentOf(c);
        if (level == GridLevel.CITY) {
            assertThat(parent).isNull();
            return;
        }
        assertThat(parent).matches("\\d{12}");
        // usually one level up; cities without counties (东莞 441900) hold townships directly, so only "coarser"
        assertThat(AdminCode.levelOf(parent).rank()).isLessThan(level.rank());
        assertThat(AdminCode.normalize(parent)).isEqualTo(parent);
        int same = 0;
        while (same < 12 && parent.charAt(same) == c.charAt(same)) {
            same++;
        }
        assertThat(parent.substring(same)).matches("0*");
    }

    @Property
    void padding_with_zeros_keeps_the_code(@ForAll("codes") String code) {
        String c = AdminCode.normalize(code);
        if (c.endsWith("000000")) {
            assertThat(AdminCode.normalize(c.substring(0, 6))).isEqualTo(c);
            assertThat(AdminCode.normalize(c.substring(0, 6) + ".0")).isEqualTo(c);
        }
        if (c.endsWith("000")) {
            assertThat(AdminCode.normalize(" " + c.substring(0, 9) + " ")).isEqualTo(c);
        }
    }

    @Provide
    Arbitrary<String> codes() {
        Arbitrary<String> province = Arbitraries.integers().between(11, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> city = Arbitraries.integers().between(1, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> county = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> town = Arbitraries.integers().between(0, 999).map(i -> String.format("%03d", i));
        Arbitrary<String> village = Arbitraries.integers().between(0, 999).map(i -> String.format("%03d", i));
        return Combinators.combine(province, city, county, town, village).as((p, ci, co, t, v) -> p + ci + co + t + v)
                .flatMap(c -> Arbitraries.of(c, c.substring(0, 6), c.substring(0, 9)));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(16),
                Arbitraries.strings().withChars("0123456789. -x").ofMaxLength(15),
                Arbitraries.of(".0", "000000", "000000000000", "430000", "4301", "430102.0", "４３０１０２", "٤٣٠١٠٢"));
    }
}
