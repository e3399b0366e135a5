package org.assure.dtls;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's credentials for one connection. Offers TLS_PSK_WITH_AES_128_CCM_8 if {@code psk} is present and the
 * raw-key suite matching {@code rawKey}'s type if that is present, in PROFILE §6 order.
 *
 * @param ownName            this device's UUID, sent in Peer Name Indication; empty sends none
 * @param expectedServerName the server the channel expects: a different UUID in the server's Peer Name Indication
 *                           aborts the handshake (state 11); a server that sends none is identified by its key
 * @param psk                resolves the server's PSK identity hint to a key, if PSK is offered
 * @param rawKey             raw public key credentials, if raw keys are offered
 */
public record ClientCredentials(Optional<UUID> ownName, Optional<UUID> expectedServerName, Optional<PskResolver> psk,
        Optional<RawKeyCredentials> rawKey) {
    public ClientCredentials {
        Objects.requireNonNull(ownName, "ownName");
        Objects.requireNonNull(expectedServerName, "expectedServerName");
        Objects.requireNonNull(psk, "psk");
        Objects.requireNonNull(rawKey, "rawKey");
        if (psk.isEmpty() && rawKey.isEmpty()) {
            throw new IllegalArgumentException("client credentials need a PSK resolver or a raw key");
        }
    }

    /** PSK only, with Peer Name Indication both ways. */
    public static ClientCredentials psk(UUID ownName, UUID expectedServerName, PskResolver psk) {
        return new ClientCredentials(Optional.of(ownName), Optional.of(expectedServerName), Optional.of(psk),
                Optional.empty());
    }

    /** Raw public keys only, with Peer Name Indication both ways. */
    public static ClientCredentials rawKey(UUID ownName, UUID expectedServerName, RawKeyCredentials rawKey) {
        return new ClientCredentials(Optional.of(ownName), Optional.of(expectedServerName), Optional.empty(),
                Optional.of(rawKey));
    }
}
