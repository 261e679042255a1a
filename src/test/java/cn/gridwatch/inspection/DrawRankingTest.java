package cn.gridwatch.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The ranking and the counting rule of draws, without a database. */
class DrawRankingTest {

    @Test
    void the_count_is_the_rate_times_the_candidates_rounded_up_in_exact_decimals() {
        assertThat(DrawRanking.count(new BigDecimal("0.05"), 41)).isEqualTo(3);   // 2.05
        assertThat(DrawRanking.count(new BigDecimal("0.07"), 100)).isEqualTo(7);  // 0.07 * 100 = 7.000000000000001 in doubles
        assertThat(DrawRanking.count(new BigDecimal("0.25"), 40)).isEqualTo(10);
        assertThat(DrawRanking.count(BigDecimal.ONE, 4)).isEqualTo(4);
        assertThat(DrawRanking.count(new BigDecimal("0.05"), 0)).isZero();
        assertThat(DrawRanking.count(BigDecimal.ZERO, 500)).isZero();
        assertThat(DrawRanking.count(new BigDecimal("0.001"), 1)).isEqualTo(1);
    }

    @Test
    void the_key_is_sha256_of_seed_salt_and_id_so_anyone_can_recompute_it() {
        // echo -n '42|source:key|7' | sha256sum
        assertThat(DrawRanking.key(42, "source:key", 7))
                .isEqualTo("da559fa719dea4741a51f2ccefc497099f851b39af45a71497f5a89544980730");
        assertThat(DrawRanking.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2 example
    }

    @Test
    void the_same_seed_picks_the_same_and_another_seed_picks_otherwise() {
        List<Long> ids = LongStream.rangeClosed(1, 200).boxed().toList();
        List<Long> a = DrawRanking.pick(7, "source:general", ids, x -> x, 10);
        assertThat(DrawRanking.pick(7, "source:general", ids, x -> x, 10)).isEqualTo(a);
        assertThat(DrawRanking.pick(8, "source:general", ids, x -> x, 10)).isNotEqualTo(a);
        assertThat(DrawRanking.pick(7, "source:key", ids, x -> x, 10)).isNotEqualTo(a);
        assertThat(a).hasSize(10).doesNotHaveDuplicates().allSatisfy(x -> assertThat(ids).contains(x));
        // the order of the candidate list does not matter
        List<Long> reversed = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertThat(DrawRanking.pick(7, "source:general", reversed, x -> x, 10)).isEqualTo(a);
        assertThat(DrawRanking.pick(7, "x", ids, x -> x, 500)).hasSize(200);
    }
}
