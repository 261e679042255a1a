package cn.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4); // low cost: only the behaviour is tested here

    @Test
    void hashes_are_bcrypt_salted_and_verify_only_the_right_password() {
        String a = hasher.hash("correct horse battery");
        String b = hasher.hash("correct horse battery");
        assertThat(a).startsWith("$2a$04$").isNotEqualTo(b);
        assertThat(hasher.verify("correct horse battery", a)).isTrue();
        assertThat(hasher.verify("correct horse batterz", a)).isFalse();
        assertThat(hasher.verify("anything at all", null)).isFalse();
        assertThat(hasher.verify("x".repeat(100), a)).isFalse();
    }

    @Test
    void short_blank_and_over_long_passwords_are_refused_without_echoing_them() {
        assertThatThrownBy(() -> hasher.hash("short1")).hasMessageContaining("at least 10")
                .hasMessageNotContaining("short1");
        assertThatThrownBy(() -> hasher.hash("          ")).hasMessageContaining("spaces");
        assertThatThrownBy(() -> hasher.hash("长".repeat(30))).hasMessageContaining("72 bytes");
    }

    @Test
    void the_default_cost_is_12() {
        assertThat(new PasswordHasher().hash("a long enough one")).startsWith("$2a$12$");
    }
}
