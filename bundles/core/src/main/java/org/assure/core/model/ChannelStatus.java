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
    /** Highest channel id (PROFILE-ADDITIONS §4). */
    public static final long MAX_CHANNEL_ID = 0xFFFF_FFFFL;
    /** Most additional status items kept (PROFILE-ADDITIONS §3). */
    public static final int MAX_ADDITIONAL = 16;

    public ChannelStatus {
        Objects.requireNonNull(state, "state");
        additional = List.copyOf(additional);
        if (channelId < 0 || channelId > MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("channel id out of range: " + channelId);
        }
        if (additional.size() > MAX_ADDITIONAL) {
            throw new IllegalArgumentException("too many status items");
        }
    }

    public ChannelStatus(long channelId, ChannelState state) {
        this(channelId, state, List.of());
    }
}
