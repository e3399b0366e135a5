package org.assure.channels;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.ChannelState;
import org.assure.core.model.ChannelStatus;

/**
 * A channel as the manager holds it: its id, definition, current state and origin.
 *
 * @param id            the channel id, 0..2^32-1 (PROFILE-ADDITIONS §4)
 * @param configuration the definition of draft §10.1.6
 * @param state         the current state (PROFILE §2)
 * @param origin        who defined it
 */
public record ManagedChannel(long id, ChannelConfiguration configuration, ChannelState state, ChannelOrigin origin) {
    public ManagedChannel {
        if (id < 0 || id > ChannelStatus.MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("channel id out of range: " + id);
        }
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(origin, "origin");
    }

    /** The wire form of draft §10.1.11. */
    public ChannelInfo info() {
        return new ChannelInfo(configuration, new ChannelStatus(id, state));
    }

    /** Whether the definition survives a restart (the {@code persistent_across_reboots} flag). */
    public boolean persistent() {
        return configuration.flags().persistent();
    }

    /** The privileges requests arriving on this channel have. */
    public Set<ChannelPrivilege> privileges() {
        Set<ChannelPrivilege> granted = EnumSet.noneOf(ChannelPrivilege.class);
        for (ChannelPrivilege privilege : ChannelPrivilege.values()) {
            if (privilege.grantedBy(configuration.flags())) {
                granted.add(privilege);
            }
        }
        return Set.copyOf(granted);
    }

    /** The same channel in another state. */
    public ManagedChannel withState(ChannelState newState) {
        return new ManagedChannel(id, configuration, newState, origin);
    }
}
