package cn.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PrincipalCacheTest {
    private static final Principal ALICE = new Principal(
            new User(1, "alice", "Alice", Role.PLANNER, null, true, Instant.EPOCH), "token", 7L);

    private final MutableClock clock = new MutableClock();
    private final PrincipalCache cache = new PrincipalCache(Duration.ofSeconds(30), 3, clock);

    @Test
    void an_entry_lives_until_the_ttl_and_no_longer() {
        cache.put("t:a", ALICE, null, cache.generation());
        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("t:a")).contains(ALICE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("t:a")).isEmpty();
    }

    @Test
    void a_session_entry_never_outlives_the_session() {
        cache.put("s:a", ALICE, clock.instant().plusSeconds(5), cache.generation());
        clock.advance(Duration.ofSeconds(4));
        assertThat(cache.get("s:a")).contains(ALICE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("s:a")).isEmpty();
    }

    @Test
    void clear_forgets_everything() {
        cache.put("t:a", ALICE, null, cache.generation());
        cache.clear();
        assertThat(cache.get("t:a")).isEmpty();
    }

    @Test
    void a_load_that_began_before_a_clear_is_not_stored() {
        long before = cache.generation();
        cache.clear(); // e.g. the token was revoked while this request read it from the database
        cache.put("t:a", ALICE, null, before);
        assertThat(cache.get("t:a")).isEmpty();
    }

    @Test
    void the_cache_stays_within_its_size() {
        for (int i = 0; i < 10; i++) {
            cache.put("t:" + i, ALICE, null, cache.generation());
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.get("t:9")).contains(ALICE);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
