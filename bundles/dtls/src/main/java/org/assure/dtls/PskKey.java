package org.assure.dtls;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.SecretBytes;

/**
 * A pre-shared key: the (derived) secret of the aSSURE key {@code keyId} (PROFILE §6). The PSK identity sent on the
 * wire is base64 of the CBOR byte string of {@code keyId}. {@code toString} hides the secret.
 *
 * @param keyId  the key's UUID
 * @param peer   the peer this key belongs to, if known (lets a server identify a client that sent no Peer Name
 *               Indication; on a mismatch with the client's Peer Name Indication the handshake fails)
 * @param secret the PSK, 1..64 bytes
 */
public record PskKey(UUID keyId, Optional<UUID> peer, SecretBytes secret) {
    public PskKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty() || secret.length() > 64) {
            throw new IllegalArgumentException("a PSK is 1..64 bytes");
        }
    }

    public static PskKey of(UUID keyId, SecretBytes secret) {
        return new PskKey(keyId, Optional.empty(), secret);
    }
}
