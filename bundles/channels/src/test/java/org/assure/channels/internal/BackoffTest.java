package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doubles_up_to_the_cap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 0);
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(1_000_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void gives_up_after_max_attempts_unless_unlimited() {
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3).retryAfter(2)).isTrue();
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3).retryAfter(3)).isFalse();
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0).retryAfter(999)).isTrue();
    }

    @Test
    void rejects_nonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
