package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionCacheTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void givenEntryOlderThanExpiry_whenLookedUp_thenGone() {
        SessionCache<String, String> cache = new SessionCache<>(10, Duration.ofMinutes(5), clock);
        cache.put("a", "session");

        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.get("a")).contains("session");
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void givenFullCache_whenAnotherIsPut_thenLeastRecentlyUsedGoes() {
        SessionCache<String, String> cache = new SessionCache<>(2, Duration.ofHours(1), clock);
        cache.put("a", "1");
        cache.put("b", "2");
        cache.get("a");
        cache.put("c", "3");

        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).contains("1");
        assertThat(cache.get("c")).contains("3");
    }

    @Test
    void givenExpiredEntries_whenPurged_thenRemoved() {
        SessionCache<String, String> cache = new SessionCache<>(10, Duration.ofSeconds(1), clock);
        cache.put("a", "1");
        clock.advance(Duration.ofSeconds(2));
        cache.put("b", "2");

        cache.purge();

        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void givenZeroCapacity_thenNothingIsKept() {
        SessionCache<String, String> cache = new SessionCache<>(0, Duration.ofHours(1), clock);
        cache.put("a", "1");
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.get("a")).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
