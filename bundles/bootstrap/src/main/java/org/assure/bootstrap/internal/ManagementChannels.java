package org.assure.bootstrap.internal;

import java.util.List;
import org.assure.channels.ChannelManager;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.ChannelState;

/**
 * Which channels lead to a management system: those granting any management privilege (draft §10: key, channel
 * or system management). Presence and goodbye go to their peers (docs/PROFILE-ADDITIONS.md).
 */
final class ManagementChannels {
    private ManagementChannels() {
    }

    static boolean isManagement(ManagedChannel channel) {
        return !channel.privileges().isEmpty();
    }

    static boolean anyDefined(ChannelManager manager) {
        return manager.channels().stream().anyMatch(ManagementChannels::isManagement);
    }

    static List<ManagedChannel> open(ChannelManager manager) {
        return manager.channels().stream()
                .filter(c -> isManagement(c) && c.state() == ChannelState.OPEN).toList();
    }
}
