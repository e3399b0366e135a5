package org.assure.dtls.internal;

import java.util.Objects;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;
import org.bouncycastle.tls.TlsSession;

/**
 * A session kept for resumption, with the identity its full handshake proved: either a BouncyCastle session (raw
 * keys, still on BouncyCastle's handshake) or one of the engine's own handshakes (master secret and suite).
 *
 * @param session      BouncyCastle's resumable session, or null for an own session
 * @param masterSecret the own session's master secret, or null for a BouncyCastle session
 * @param cipherSuite  the own session's suite (0 for a BouncyCastle session)
 * @param sessionId    the session id
 * @param identity     the peer's identity
 */
record CachedSession(TlsSession session, SecretBytes masterSecret, int cipherSuite, Bytes sessionId,
        PeerIdentity identity) {
    CachedSession {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(sessionId, "sessionId");
        if ((session == null) == (masterSecret == null)) {
            throw new IllegalArgumentException("exactly one of session and master secret");
        }
    }

    CachedSession(TlsSession session, PeerIdentity identity) {
        this(session, null, 0, Bytes.of(session.getSessionID()), identity);
    }

    static CachedSession own(byte[] masterSecret, int cipherSuite, Bytes sessionId, PeerIdentity identity) {
        return new CachedSession(null, SecretBytes.of(masterSecret), cipherSuite, sessionId, identity);
    }

    boolean isOwn() {
        return masterSecret != null;
    }
}
