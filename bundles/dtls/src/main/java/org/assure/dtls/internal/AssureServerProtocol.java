package org.assure.dtls.internal;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSServerProtocol;

/**
 * BouncyCastle's server handshake, answering an unknown PSK identity with {@code decrypt_error} instead of
 * {@code unknown_psk_identity} (PROFILE §6, RFC 4279 §2: a server may hide which identities exist). Stateless.
 */
final class AssureServerProtocol extends DTLSServerProtocol {
    @Override
    protected void abortServerHandshake(ServerHandshakeState state, short alertDescription) {
        short sent = alertDescription == AlertDescription.unknown_psk_identity
                ? AlertDescription.decrypt_error
                : alertDescription;
        super.abortServerHandshake(state, sent);
    }
}
