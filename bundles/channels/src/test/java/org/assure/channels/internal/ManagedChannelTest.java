package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelState;
import org.junit.jupiter.api.Test;

class ManagedChannelTest {
    @Test
    void equals_and_hash_code() {
        EqualsVerifier.forClass(ManagedChannel.class).withNonnullFields("configuration", "state", "origin")
                .verify();
    }

    @Test
    void privileges_follow_the_flags() {
        ChannelFlags keysOnly = new ChannelFlags(true, false, false, false, true, List.of());
        ManagedChannel channel = new ManagedChannel(1, Fixtures.config(UUID.randomUUID(), keysOnly),
                ChannelState.CLOSED, ChannelOrigin.LOCAL);
        assertThat(channel.privileges()).containsExactly(ChannelPrivilege.KEY_MANAGEMENT);
        assertThat(channel.info().status().channelId()).isEqualTo(1);
    }

    @Test
    void ids_are_range_checked() {
        assertThatThrownBy(() -> new ManagedChannel(1L << 32, Fixtures.config(true, false), ChannelState.CLOSED,
                ChannelOrigin.LOCAL)).isInstanceOf(IllegalArgumentException.class);
    }
}
