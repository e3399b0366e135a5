package org.assure.dtls;

import java.io.IOException;
import java.util.Objects;

/** A client handshake failed; {@link #failure()} says why. The message never holds secrets or peer input. */
public final class DtlsHandshakeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient HandshakeFailure failure;

    public DtlsHandshakeException(HandshakeFailure failure, Throwable cause) {
        super("DTLS handshake with " + failure.peer() + " failed: " + failure.cause(), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public HandshakeFailure failure() {
        return failure;
    }
}
