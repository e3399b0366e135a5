package org.assure.dtls;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A peer raw public key the credentials accept.
 *
 * @param keyId the key's aSSURE UUID
 * @param peer  the peer (device) owning it, if known
 */
public record PeerKey(UUID keyId, Optional<UUID> peer) {
    public PeerKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(peer, "peer");
    }
}
