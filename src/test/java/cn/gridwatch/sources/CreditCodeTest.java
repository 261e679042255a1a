package cn.gridwatch.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {
    @Test
    void published_codes_of_real_companies_pass() {
        // Alibaba (China) Co., Huawei Technologies, Tencent (Shenzhen): from their public business registrations
        assertThat(CreditCode.problem("91330100799655058B")).isNull();
        assertThat(CreditCode.problem("914403001922038216")).isNull();
        assertThat(CreditCode.problem("9144030071526726XG")).isNull();
    }

    @Test
    void a_wrong_check_character_is_named() {
        assertThat(CreditCode.problem("91330100799655058C")).contains("check character C").contains("call for B");
    }

    @Test
    void letters_outside_the_alphabet_are_refused() {
        assertThat(CreditCode.problem("91330100799655O58B")).contains("without I, O, Z, S, V");
        assertThat(CreditCode.looksLikeOne("91330100799655058")).isFalse();
    }
}
