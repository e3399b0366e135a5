package org.assure.bootstrap.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.SimpleTimestamp;
import org.assure.keystore.TrustedTime;

/**
 * Trusted time (PROFILE §3) from the management server's {@code GET /v1/timestamp} (draft §11.4.1): the offset
 * between the server's precision timestamp and the local clock, corrected by half the round trip (as SNTP does).
 * Empty until the first synchronisation; the local clock itself is never trusted. Thread-safe.
 */
final class TrustedClock implements TrustedTime {
    private final Clock local;
    private volatile Duration offset;

    TrustedClock(Clock local) {
        this.local = Objects.requireNonNull(local, "local");
    }

    /**
     * Takes {@code server} as the time when the request, sent at local {@code sentAt}, was answered at local
     * {@code receivedAt}.
     */
    void synchronise(PrecisionTimestamp server, Instant sentAt, Instant receivedAt) {
        if (receivedAt.isBefore(sentAt)) {
            throw new IllegalArgumentException("answer before request");
        }
        Duration halfTrip = Duration.between(sentAt, receivedAt).dividedBy(2);
        offset = Duration.between(receivedAt, server.toInstant().plus(halfTrip));
    }

    /** The trusted instant, if synchronised. */
    Optional<Instant> instant() {
        Duration current = offset;
        return current == null ? Optional.empty() : Optional.of(local.instant().plus(current));
    }

    @Override
    public Optional<SimpleTimestamp> now() {
        return instant().map(SimpleTimestamp::of);
    }
}
