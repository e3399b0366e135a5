package org.assure.channels;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.assure.keystore.KeyOperations;

/**
 * Who asks and where changes go.
 *
 * @param privileges what the requesting channel may do (draft §10)
 * @param channelId  the channel the request arrived on, if any (empty for a bootstrap replay)
 * @param keys       where key changes go: a keystore transaction during a bootstrap; empty = the keystore itself
 * @param channels   where channel changes go: a staging during a bootstrap; empty = the channel manager itself
 */
public record ManagementContext(Set<ChannelPrivilege> privileges, OptionalLong channelId,
        Optional<KeyOperations> keys, Optional<ChannelStaging> channels) {
    public ManagementContext {
        privileges = Set.copyOf(privileges);
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(channels, "channels");
    }

    /** A request that arrived on channel {@code channel}, with that channel's privileges. */
    public static ManagementContext onChannel(ManagedChannel channel) {
        return new ManagementContext(channel.privileges(), OptionalLong.of(channel.id()), Optional.empty(),
                Optional.empty());
    }

    /**
     * A bootstrap replay (PROFILE §5): every privilege, changes into the given transaction and staging; channels
     * it creates become bootstrap-defined.
     */
    public static ManagementContext bootstrap(KeyOperations keyTransaction, ChannelStaging staging) {
        return new ManagementContext(Set.of(ChannelPrivilege.values()), OptionalLong.empty(),
                Optional.of(keyTransaction), Optional.of(staging));
    }
}
