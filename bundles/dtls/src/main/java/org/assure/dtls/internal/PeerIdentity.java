package org.assure.dtls.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assure.dtls.CredentialType;

/**
 * Who the peer of a session proved to be.
 *
 * @param peerName its Peer Name Indication
 * @param peerId   its UUID by name or by credential lookup
 * @param keyId    the PSK's or the peer raw key's UUID
 * @param type     PSK or raw public key
 */
record PeerIdentity(Optional<UUID> peerName, Optional<UUID> peerId, UUID keyId, CredentialType type) {
    PeerIdentity {
        Objects.requireNonNull(peerName, "peerName");
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(type, "type");
    }

    /** The name if sent, else the credential's owner. */
    static Optional<UUID> peerId(Optional<UUID> peerName, Optional<UUID> owner) {
        return peerName.isPresent() ? peerName : owner;
    }
}
