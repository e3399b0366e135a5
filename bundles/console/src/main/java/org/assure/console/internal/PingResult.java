package org.assure.console.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * How a console ping ended: the echoed text and round-trip time, or a short fixed reason.
 *
 * @param echo      the payload the peer echoed (as UTF-8 text), on success
 * @param rttMillis the round-trip time in milliseconds, on success
 * @param error     why it failed, otherwise
 */
record PingResult(Optional<String> echo, long rttMillis, Optional<String> error) {
    PingResult {
        Objects.requireNonNull(echo, "echo");
        Objects.requireNonNull(error, "error");
        if (echo.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("exactly one of echo and error");
        }
        if (rttMillis < 0) {
            throw new IllegalArgumentException("negative round-trip time");
        }
    }

    static PingResult ok(String echo, long rttMillis) {
        return new PingResult(Optional.of(echo), rttMillis, Optional.empty());
    }

    static PingResult failed(String error) {
        return new PingResult(Optional.empty(), 0, Optional.of(error));
    }

    boolean ok() {
        return echo.isPresent();
    }
}
