package org.assure.dtls.internal;

import org.assure.core.model.Bytes;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsSession;

/**
 * What a completed handshake negotiated, captured when BouncyCastle reports completion.
 *
 * @param cipherSuite IANA number
 * @param sessionId   empty if the server issued none
 * @param session     BouncyCastle's session, for resumption
 */
record HandshakeResult(int cipherSuite, Bytes sessionId, TlsSession session) {

    static HandshakeResult of(TlsContext context) {
        SecurityParameters parameters = context.getSecurityParametersConnection();
        if (parameters == null) {
            parameters = context.getSecurityParametersHandshake();
        }
        byte[] id = parameters.getSessionID();
        return new HandshakeResult(parameters.getCipherSuite(), id == null ? Bytes.EMPTY : Bytes.of(id),
                context.getSession());
    }
}
