package org.assure.channels.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential back-off between open attempts: {@code initial * 2^(failures-1)}, at most {@code max}.
 *
 * @param initial     the delay after the first failure, positive
 * @param max         the cap, at least {@code initial}
 * @param maxAttempts failed attempts after which the manager gives up (0 = never gives up)
 */
public record Backoff(Duration initial, Duration max, int maxAttempts) {
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial back-off must be positive");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maximum back-off below the initial one");
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 0");
        }
    }

    /** The delay before the next attempt after {@code failures} consecutive failures (>= 1). */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1");
        }
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether another attempt follows {@code failures} consecutive failures. */
    public boolean retryAfter(int failures) {
        return maxAttempts == 0 || failures < maxAttempts;
    }
}
