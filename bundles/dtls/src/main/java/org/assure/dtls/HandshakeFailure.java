package org.assure.dtls;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.Address;
import org.assure.core.model.ChannelState;

/**
 * A handshake that did not complete.
 *
 * @param peer     the peer's transport address
 * @param role     this engine's role
 * @param cause    why it failed
 * @param peerName the peer's UUID from Peer Name Indication, if it sent one before the failure
 * @param alert    the alert sent or received, if any
 */
public record HandshakeFailure(Address peer, DtlsRole role, FailureCause cause, Optional<UUID> peerName,
        Optional<DtlsAlert> alert) {
    public HandshakeFailure {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(peerName, "peerName");
        Objects.requireNonNull(alert, "alert");
    }

    /** The channel state to report (PROFILE §2: 10, 11, 12 or 13). */
    public ChannelState state() {
        return cause.state();
    }
}
