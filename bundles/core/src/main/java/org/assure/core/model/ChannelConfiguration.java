package org.assure.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A channel configuration, draft §10.1.6: {@code [local_key_id, peer_key_id, flags, address]}. An empty
 * {@code peer_key_id} on the wire means "same as local" (a shared or derived secret).
 *
 * @param localKeyId key this device authenticates with
 * @param peerKeyId  key the peer must present; empty when it is the local key
 * @param flags      persistence, open-immediately and privileges
 * @param address    where the peer is
 */
public record ChannelConfiguration(UUID localKeyId, Optional<UUID> peerKeyId, ChannelFlags flags, Address address) {
    public ChannelConfiguration {
        Objects.requireNonNull(localKeyId, "localKeyId");
        Objects.requireNonNull(peerKeyId, "peerKeyId");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(address, "address");
    }

    /** The key the peer must present: the peer key, or the local key when none is given. */
    public UUID effectivePeerKeyId() {
        return peerKeyId.orElse(localKeyId);
    }
}
