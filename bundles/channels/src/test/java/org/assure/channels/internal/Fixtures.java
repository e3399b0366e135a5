package org.assure.channels.internal;

import java.net.InetAddress;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.IpAddress;

/** Channel configurations for tests. */
final class Fixtures {
    private Fixtures() {
    }

    static ChannelConfiguration config(boolean persistent, boolean openImmediately) {
        return new ChannelConfiguration(UUID.randomUUID(), Optional.empty(),
                ChannelFlags.management(persistent, openImmediately),
                IpAddress.of(InetAddress.getLoopbackAddress(), 0, 5684));
    }

    static ChannelConfiguration config(UUID localKey, ChannelFlags flags) {
        return new ChannelConfiguration(localKey, Optional.empty(), flags,
                IpAddress.of(InetAddress.getLoopbackAddress(), 0, 5684));
    }
}
