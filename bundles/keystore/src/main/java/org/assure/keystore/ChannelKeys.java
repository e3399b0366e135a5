package org.assure.keystore;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The keys of one channel as its configuration names them (draft §10.1.6), for DTLS credentials.
 *
 * @param localKeyId this side's key: a shared/derived secret (PSK) or an EC/RSA key whose private part the
 *                   keystore holds (raw public key)
 * @param peerKeyId  the peer's key for raw public keys; empty means the same key as {@code localKeyId} for PSK
 *                   (draft: "zero length if the same"), and for raw keys any trusted EC/RSA key whose owner is
 *                   the peer (PROFILE §6)
 * @param peerName   the peer device's UUID (Peer Name Indication); empty takes the owner named in the peer
 *                   key's metadata, if any
 */
public record ChannelKeys(UUID localKeyId, Optional<UUID> peerKeyId, Optional<UUID> peerName) {
    public ChannelKeys {
        Objects.requireNonNull(localKeyId, "localKeyId");
        Objects.requireNonNull(peerKeyId, "peerKeyId");
        Objects.requireNonNull(peerName, "peerName");
    }

    /** A PSK channel: both sides use the secret of {@code keyId}. */
    public static ChannelKeys psk(UUID keyId, UUID peerName) {
        return new ChannelKeys(keyId, Optional.empty(), Optional.of(peerName));
    }

    /** A raw public key channel: own key {@code localKeyId}, the peer presents {@code peerKeyId}. */
    public static ChannelKeys rawKey(UUID localKeyId, UUID peerKeyId) {
        return new ChannelKeys(localKeyId, Optional.of(peerKeyId), Optional.empty());
    }
}
