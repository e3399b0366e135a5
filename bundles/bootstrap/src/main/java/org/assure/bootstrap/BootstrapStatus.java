package org.assure.bootstrap;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The bootstrap client's state.
 *
 * @param phase       what it is doing
 * @param last        how the last attempt ended, if there was one
 * @param nextAttempt when the next attempt starts, while {@link Phase#WAITING_TO_RETRY}
 */
public record BootstrapStatus(Phase phase, Optional<BootstrapOutcome> last, Optional<Instant> nextAttempt) {
    /** The phases of the client. */
    public enum Phase {
        /** No bootstrap needed or asked for. */
        IDLE,
        /** Fetching, checking or applying an image. */
        RUNNING,
        /** The last attempt failed; another is scheduled. */
        WAITING_TO_RETRY
    }

    public BootstrapStatus {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        if (nextAttempt.isPresent() != (phase == Phase.WAITING_TO_RETRY)) {
            throw new IllegalArgumentException("a next attempt exactly while waiting to retry");
        }
    }

    /** Nothing has happened yet. */
    public static BootstrapStatus initial() {
        return new BootstrapStatus(Phase.IDLE, Optional.empty(), Optional.empty());
    }
}
