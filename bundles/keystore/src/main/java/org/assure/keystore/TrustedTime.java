package org.assure.keystore;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.assure.core.model.SimpleTimestamp;

/**
 * The device's trusted time (PROFILE §3): present once the clock was set from a trusted source (e.g. the
 * management server's {@code GET /v1/timestamp}); then signature validity periods are enforced on import. Absent
 * means the device has no trusted time and skips time checks, as the draft allows. The bootstrap client
 * registers an implementation as an OSGi service; the keystore uses it when present. Must be thread-safe.
 */
@FunctionalInterface
public interface TrustedTime {
    /** No trusted time: validity periods are not checked. */
    TrustedTime NONE = Optional::empty;

    /** The current trusted time, or empty if the device has none. */
    Optional<SimpleTimestamp> now();

    /** Trusted time read from {@code clock} (for a clock known to be synchronised, and for tests). */
    static TrustedTime of(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return () -> Optional.of(SimpleTimestamp.of(clock.instant()));
    }
}
