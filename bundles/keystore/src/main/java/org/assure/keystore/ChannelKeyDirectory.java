package org.assure.keystore;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.Address;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The channel manager's answer to "which channels may this client open?", asked by the keystore's DTLS server
 * callback on a handshake thread before any key operation. Must be thread-safe and fast.
 */
@ConsumerType
@FunctionalInterface
public interface ChannelKeyDirectory {
    /**
     * @param peer     the client's transport address
     * @param peerName the client's UUID from Peer Name Indication; empty for plain DTLS clients
     * @return the keys of every channel this client may use; empty refuses it ({@code access_denied})
     */
    List<ChannelKeys> channelsFor(Address peer, Optional<UUID> peerName);
}
