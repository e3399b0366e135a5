package org.assure.dtls.internal;

import java.util.Objects;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;

/**
 * A session kept for resumption, with the identity its full handshake proved.
 *
 * @param masterSecret the session's master secret
 * @param cipherSuite  its suite
 * @param sessionId    the session id
 * @param identity     the peer's identity
 */
record CachedSession(SecretBytes masterSecret, int cipherSuite, Bytes sessionId, PeerIdentity identity) {
    CachedSession {
        Objects.requireNonNull(masterSecret, "masterSecret");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(identity, "identity");
    }

    static CachedSession own(byte[] masterSecret, int cipherSuite, Bytes sessionId, PeerIdentity identity) {
        return new CachedSession(SecretBytes.of(masterSecret), cipherSuite, sessionId, identity);
    }
}
