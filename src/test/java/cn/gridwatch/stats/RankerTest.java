package cn.gridwatch.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankerTest {

    private static Ranking.Row row(String code, Double value) {
        return new Ranking.Row(null, code, code, code, value, null, null, null);
    }

    private static List<String> ranks(List<Ranking.Row> rows) {
        return rows.stream().map(r -> r.rank() + ":" + r.code()).toList();
    }

    @Test
    void ties_share_a_rank_and_the_next_rank_skips() {
        List<Ranking.Row> rows = List.of(row("d", 0.1), row("b", 0.5), row("a", 0.9), row("c", 0.5));
        assertThat(ranks(Ranker.rank(rows, Ranking.Row::value, true))).containsExactly("1:a", "2:b", "2:c", "4:d");
        assertThat(ranks(Ranker.rank(rows, Ranking.Row::value, false))).containsExactly("1:d", "2:b", "2:c", "4:a");
    }

    @Test
    void rows_without_a_value_are_listed_last_without_a_rank() {
        List<Ranking.Row> rows = List.of(row("z", null), row("y", 2.0), row("x", null), row("w", 2.0), row("v", 2.0));
        assertThat(ranks(Ranker.rank(rows, Ranking.Row::value, true)))
                .containsExactly("1:v", "1:w", "1:y", "null:x", "null:z");
    }

    @Test
    void values_are_rounded_before_ranking_so_equal_looking_values_tie() {
        RankingMetric m = RankingMetric.COVERAGE;
        assertThat(m.round(1.0 / 3)).isEqualTo(m.round(0.33333333));
        assertThat(m.round(0.12345)).isEqualTo(0.1235);
        assertThat(RankingMetric.MEDIAN_CLOSE_HOURS.round(47.996)).isEqualTo(48.0);
    }
}
