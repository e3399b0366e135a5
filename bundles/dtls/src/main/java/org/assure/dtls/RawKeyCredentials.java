package org.assure.dtls;

import java.util.Objects;

/**
 * Raw public key credentials (RFC 7250) for one handshake.
 *
 * @param ownKey   the key pair this side presents
 * @param peerKeys which peer keys this side accepts
 */
public record RawKeyCredentials(OwnKey ownKey, PeerKeyLookup peerKeys) {
    public RawKeyCredentials {
        Objects.requireNonNull(ownKey, "ownKey");
        Objects.requireNonNull(peerKeys, "peerKeys");
    }
}
