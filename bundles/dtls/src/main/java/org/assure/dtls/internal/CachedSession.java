package org.assure.dtls.internal;

import java.util.Objects;
import org.bouncycastle.tls.TlsSession;

/**
 * A session kept for resumption, with the identity its full handshake proved.
 *
 * @param session  BouncyCastle's resumable session
 * @param identity the peer's identity
 */
record CachedSession(TlsSession session, PeerIdentity identity) {
    CachedSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(identity, "identity");
    }
}
