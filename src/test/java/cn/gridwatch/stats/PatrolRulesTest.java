package cn.gridwatch.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gridwatch.grid.GridLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatrolRulesTest {

    @Test
    void the_default_rules_are_the_domain_frequencies() {
        PatrolRules r = PatrolRules.DEFAULT;
        assertThat(r.frequency(GridLevel.COUNTY, TargetClass.KEY)).isEqualTo(new Frequency(1, 7));
        assertThat(r.frequency(GridLevel.COUNTY, TargetClass.OTHER)).isNull();
        assertThat(r.frequency(GridLevel.TOWNSHIP, TargetClass.KEY)).isEqualTo(new Frequency(2, 7));
        assertThat(r.frequency(GridLevel.TOWNSHIP, TargetClass.OTHER)).isEqualTo(new Frequency(1, 15));
        assertThat(r.frequency(GridLevel.VILLAGE, TargetClass.COMPLAINT)).isEqualTo(new Frequency(1, 2));
        assertThat(r.hasRules(GridLevel.CITY)).isFalse();
        assertThat(r.toString()).isEqualTo(PatrolRules.DEFAULT_TEXT);
    }

    @Test
    void required_patrols_are_the_floor_of_days_times_rate() {
        assertThat(new Frequency(1, 7).required(365)).isEqualTo(52);
        assertThat(new Frequency(2, 7).required(365)).isEqualTo(104);
        assertThat(new Frequency(1, 15).required(365)).isEqualTo(24);
        assertThat(new Frequency(1, 2).required(365)).isEqualTo(182);
        assertThat(new Frequency(1, 7).required(6)).isZero();
        assertThat(PatrolRules.DEFAULT.required(GridLevel.COUNTY, 6)).isEmpty();
        assertThat(PatrolRules.DEFAULT.required(GridLevel.TOWNSHIP, 14))
                .isEqualTo(Map.of(TargetClass.KEY, 4));
    }

    @Test
    void a_custom_rule_text_is_parsed() {
        PatrolRules r = PatrolRules.parse("X", " city:key=1/30 ; village: other=3/7 ");
        assertThat(r.frequency(GridLevel.CITY, TargetClass.KEY)).isEqualTo(new Frequency(1, 30));
        assertThat(r.frequency(GridLevel.VILLAGE, TargetClass.OTHER)).isEqualTo(new Frequency(3, 7));
        assertThat(r.hasRules(GridLevel.COUNTY)).isFalse();
    }

    @Test
    void bad_rule_texts_name_the_setting_and_the_part() {
        assertThatThrownBy(() -> PatrolRules.parse("GRIDWATCH_PATROL_RULES", "county key=1/7"))
                .hasMessageContaining("GRIDWATCH_PATROL_RULES").hasMessageContaining("county key=1/7");
        assertThatThrownBy(() -> PatrolRules.parse("K", "parish:key=1/7")).hasMessageContaining("parish");
        assertThatThrownBy(() -> PatrolRules.parse("K", "county:vip=1/7")).hasMessageContaining("vip");
        assertThatThrownBy(() -> PatrolRules.parse("K", "county:key=weekly")).hasMessageContaining("weekly");
        assertThatThrownBy(() -> PatrolRules.parse("K", "county:key=0/7")).hasMessageContaining("0/7");
        assertThatThrownBy(() -> PatrolRules.parse("K", "county:key=1/7;county:key=1/7"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> PatrolRules.parse("K", " ")).hasMessageContaining("K is empty");
    }

    @Test
    void a_period_is_half_open_and_its_previous_period_has_the_same_length() {
        StatsPeriod p = new StatsPeriod(java.time.LocalDate.of(2025, 3, 1), java.time.LocalDate.of(2025, 4, 1));
        assertThat(p.days()).isEqualTo(31);
        assertThat(p.previous()).isEqualTo(new StatsPeriod(java.time.LocalDate.of(2025, 1, 29),
                java.time.LocalDate.of(2025, 3, 1)));
        assertThat(p.start().toString()).isEqualTo("2025-03-01T00:00+08:00");
        assertThatThrownBy(() -> new StatsPeriod(p.to(), p.from())).hasMessageContaining("'from' must be before 'to'");
    }
}
