package org.assure.kura.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.IpAddress;

/** Channel configurations for tests. */
final class Channels {
    private Channels() {
    }

    static ChannelConfiguration management(UUID localKey, String ip, int port) {
        return new ChannelConfiguration(localKey, Optional.empty(), ChannelFlags.management(true, false),
                IpAddress.of(address(ip), 0, port));
    }

    static ChannelConfiguration data(UUID localKey, UUID peerKey, String ip, int port) {
        return new ChannelConfiguration(localKey, Optional.of(peerKey), ChannelFlags.data(false, true),
                IpAddress.of(address(ip), 5685, port));
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
