package org.assure.core.model;

import java.time.Instant;

/**
 * Seconds since 2010-01-01T00:00:00Z (draft §7.11.1, PROFILE §8). In signatures, 0 means "no bound".
 *
 * @param seconds non-negative seconds since the aSSURE epoch
 */
public record SimpleTimestamp(long seconds) {
    /** Unix time of the aSSURE epoch, 2010-01-01T00:00:00Z. */
    public static final long EPOCH_UNIX_SECONDS = 1_262_304_000L;
    /** "No bound" in signature validity fields. */
    public static final SimpleTimestamp NONE = new SimpleTimestamp(0);
    /**
     * Latest timestamp accepted, 2^32 - 1 (year 2146): the draft's signed 32-bit range extended to unsigned
     * (docs/PROFILE-ADDITIONS.md §4), so that every value this type holds can be decoded again.
     */
    public static final long MAX_SECONDS = 0xFFFF_FFFFL;

    public SimpleTimestamp {
        if (seconds < 0) {
            throw new IllegalArgumentException("timestamp before 2010-01-01: " + seconds);
        }
        if (seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("timestamp after 2^32 - 1 seconds: " + seconds);
        }
    }

    /**
     * @throws IllegalArgumentException for instants before the aSSURE epoch or after {@link #MAX_SECONDS}
     */
    public static SimpleTimestamp of(Instant instant) {
        return new SimpleTimestamp(instant.getEpochSecond() - EPOCH_UNIX_SECONDS);
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds + EPOCH_UNIX_SECONDS);
    }

    /** True for the "no bound" value 0. */
    public boolean isNone() {
        return seconds == 0;
    }
}
