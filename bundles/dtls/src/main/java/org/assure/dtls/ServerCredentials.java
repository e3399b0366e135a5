package org.assure.dtls;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a server offers one client. With both PSK and a raw key, the suite is chosen in PROFILE §6 order from
 * those the client offers: PSK, then ECDHE-ECDSA or ECDHE-RSA by the key's type.
 *
 * @param serverName this server's UUID, sent in Peer Name Indication when (and only when) the client sent one
 * @param psk        PSK credentials, if any
 * @param rawKey     raw public key credentials, if any
 */
public record ServerCredentials(Optional<UUID> serverName, Optional<PskOffer> psk, Optional<RawKeyCredentials> rawKey) {
    public ServerCredentials {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(psk, "psk");
        Objects.requireNonNull(rawKey, "rawKey");
        if (psk.isEmpty() && rawKey.isEmpty()) {
            throw new IllegalArgumentException("server credentials need a PSK offer or a raw key");
        }
    }
}
