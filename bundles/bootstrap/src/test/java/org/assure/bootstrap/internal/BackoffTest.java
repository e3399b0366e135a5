package org.assure.bootstrap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    /** A generator that always returns {@code value} from nextDouble. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void given_no_jitter_when_failures_accumulate_then_the_delay_doubles_up_to_the_cap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), 0, fixed(0.9));

        assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(backoff::delay).map(Duration::toSeconds))
                .containsExactly(5L, 10L, 20L, 40L, 60L, 60L, 60L);
    }

    @Test
    void given_jitter_when_drawn_then_the_delay_lies_between_the_jittered_floor_and_the_base() {
        Backoff low = new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(10), 0.5, fixed(0.999_999));
        Backoff high = new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(10), 0.5, fixed(0));

        assertThat(low.delay(2)).isEqualTo(Duration.ofMillis(8_001));
        assertThat(high.delay(2)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void given_a_real_random_source_when_many_delays_are_drawn_then_all_stay_within_bounds_and_spread() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.25, new SplittableRandom(7));
        java.util.Set<Duration> seen = new java.util.HashSet<>();
        for (int failures = 1; failures <= 40; failures++) {
            for (int i = 0; i < 20; i++) {
                Duration delay = backoff.delay(failures);
                Duration base = backoff.base(failures);
                assertThat(delay).isBetween(Duration.ofMillis((long) (base.toMillis() * 0.75)), base);
                assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(30));
                seen.add(delay);
            }
        }
        assertThat(seen).hasSizeGreaterThan(100);
    }

    @Test
    void given_huge_failure_counts_when_computed_then_no_overflow() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofDays(1), 0, fixed(0));

        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void given_bad_parameters_when_built_then_refused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0, fixed(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0, fixed(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, fixed(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, fixed(0)).delay(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
