package org.assure.channels.internal.coap;

import org.assure.channels.ManagedChannel;
import org.assure.core.transport.ChannelKind;

/**
 * Which endpoint a channel uses (PROFILE §7; PROFILE-ADDITIONS): a channel that carries any management privilege
 * is a management channel (UDP 5684, BACnet 0x81), one without privileges a data channel (UDP 5685, 0x82).
 */
final class ChannelKinds {
    private ChannelKinds() {
    }

    static ChannelKind of(ManagedChannel channel) {
        return channel.privileges().isEmpty() ? ChannelKind.DATA : ChannelKind.MANAGEMENT;
    }
}
