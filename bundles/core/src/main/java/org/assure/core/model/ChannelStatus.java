package org.assure.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Channel status, draft §10.1.11: {@code [channel_id, state, additional status...]}. Additional items the draft
 * allows are kept as integers so that a status re-encodes exactly.
 *
 * @param channelId  the channel id, non-negative
 * @param state      the state
 * @param additional status items after the state (integers), usually none
 */
public record ChannelStatus(long channelId, ChannelState state, List<Long> additional) {
    public ChannelStatus {
        Objects.requireNonNull(state, "state");
        additional = List.copyOf(additional);
        if (channelId < 0 || channelId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("channel id out of range: " + channelId);
        }
        if (additional.size() > 16) {
            throw new IllegalArgumentException("too many status items");
        }
    }

    public ChannelStatus(long channelId, ChannelState state) {
        this(channelId, state, List.of());
    }
}
