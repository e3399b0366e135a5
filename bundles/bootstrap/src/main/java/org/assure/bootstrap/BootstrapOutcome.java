package org.assure.bootstrap;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one bootstrap attempt ended.
 *
 * @param at            when it ended
 * @param result        success or the kind of failure
 * @param reason        a short fixed text saying why (never secrets or peer input); "bootstrapped" on success
 * @param ownerSequence the owner sequence number now stored, after a success
 * @param attempt       1 for the first attempt, counting up while attempts fail
 * @param retryIn       when the next attempt is scheduled, after a failure
 */
public record BootstrapOutcome(Instant at, Result result, String reason, OptionalLong ownerSequence, int attempt,
        Optional<Duration> retryIn) {
    /** The kinds of outcome. */
    public enum Result {
        /** The image was applied: keys, channels and owner sequence changed together. */
        SUCCEEDED,
        /** The bootstrap server could not be reached, the handshake failed or no answer came in time. */
        UNREACHABLE,
        /** The server answered with an error code (e.g. {@code 4.03}: no image for this device). */
        REFUSED,
        /** The image failed one of the checks of PROFILE §5; nothing changed. */
        REJECTED,
        /** Replaying or committing the image failed; everything was rolled back. */
        APPLY_FAILED
    }

    public BootstrapOutcome {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ownerSequence, "ownerSequence");
        Objects.requireNonNull(retryIn, "retryIn");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1");
        }
        if (result == Result.SUCCEEDED && (ownerSequence.isEmpty() || retryIn.isPresent())) {
            throw new IllegalArgumentException("a success has an owner sequence and no retry");
        }
        if (result != Result.SUCCEEDED && ownerSequence.isPresent()) {
            throw new IllegalArgumentException("a failure changes no owner sequence");
        }
    }

    /** A successful attempt. */
    public static BootstrapOutcome succeeded(Instant at, long ownerSequence, int attempt) {
        return new BootstrapOutcome(at, Result.SUCCEEDED, "bootstrapped", OptionalLong.of(ownerSequence), attempt,
                Optional.empty());
    }

    /** A failed attempt, retried after {@code retryIn}. */
    public static BootstrapOutcome failed(Instant at, Result result, String reason, int attempt, Duration retryIn) {
        return new BootstrapOutcome(at, result, reason, OptionalLong.empty(), attempt, Optional.of(retryIn));
    }

    public boolean succeeded() {
        return result == Result.SUCCEEDED;
    }
}
