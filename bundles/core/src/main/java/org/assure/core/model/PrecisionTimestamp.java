package org.assure.core.model;

import java.time.Instant;

/**
 * A timestamp with a 32-bit binary fraction of a second, draft §7.11.2: {@code [secs, frac]}.
 *
 * @param seconds  seconds since 2010-01-01T00:00:00Z, at most {@link SimpleTimestamp#MAX_SECONDS}
 * @param fraction the fraction of a second times 2^32, in [0, 2^32)
 */
public record PrecisionTimestamp(long seconds, long fraction) {
    private static final long FRACTION_SCALE = 1L << 32;

    public PrecisionTimestamp {
        if (seconds < 0) {
            throw new IllegalArgumentException("timestamp before 2010-01-01: " + seconds);
        }
        if (seconds > SimpleTimestamp.MAX_SECONDS) {
            throw new IllegalArgumentException("timestamp after 2^32 - 1 seconds: " + seconds);
        }
        if (fraction < 0 || fraction >= FRACTION_SCALE) {
            throw new IllegalArgumentException("fraction out of range: " + fraction);
        }
    }

    /** Rounds the nanoseconds down to the nearest 2^-32 s. */
    public static PrecisionTimestamp of(Instant instant) {
        long fraction = (instant.getNano() * FRACTION_SCALE) / 1_000_000_000L;
        return new PrecisionTimestamp(instant.getEpochSecond() - SimpleTimestamp.EPOCH_UNIX_SECONDS, fraction);
    }

    /** Rounds the fraction to the nearest nanosecond below. */
    public Instant toInstant() {
        long nanos = (fraction * 1_000_000_000L) >>> 32;
        return Instant.ofEpochSecond(seconds + SimpleTimestamp.EPOCH_UNIX_SECONDS, nanos);
    }

    public SimpleTimestamp toSimple() {
        return new SimpleTimestamp(seconds);
    }
}
