package org.assure.dtls;

import java.util.Optional;
import org.assure.core.model.Bytes;

/** Checks a peer's raw public key. Called on a handshake thread. */
@FunctionalInterface
public interface PeerKeyLookup {
    /**
     * @param subjectPublicKeyInfo the DER SubjectPublicKeyInfo the peer presented
     * @return the accepted key, or empty to fail the handshake ({@code bad_certificate}, state 12)
     */
    Optional<PeerKey> find(Bytes subjectPublicKeyInfo);
}
