package org.assure.bootstrap.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Capped exponential back-off with jitter: after the n-th consecutive failure the base delay is
 * {@code initial · 2^(n-1)}, capped at {@code max}, and the delay is drawn uniformly from
 * {@code [base · (1 - jitter), base]} — so retries from many devices that failed together spread out, and the
 * cap is never exceeded.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final RandomGenerator random;

    Backoff(Duration initial, Duration max, double jitter, RandomGenerator random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
        this.jitter = jitter;
    }

    /** The un-jittered delay after {@code failures} consecutive failures (at least 1). */
    Duration base(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        long maxMillis = max.toMillis();
        long millis = initial.toMillis();
        // Doubling stops at the cap, so large failure counts cannot overflow.
        for (int i = 1; i < failures && millis < maxMillis; i++) {
            millis = Math.min(maxMillis, millis * 2);
        }
        return Duration.ofMillis(Math.min(millis, maxMillis));
    }

    /** The delay before the next attempt after {@code failures} consecutive failures. */
    Duration delay(int failures) {
        long base = base(failures).toMillis();
        long spread = (long) Math.floor(base * jitter * random.nextDouble());
        return Duration.ofMillis(base - spread);
    }
}
