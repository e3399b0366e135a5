package org.assure.core.model;

import java.util.Objects;

/**
 * The answer to {@code POST /v1/gateway/channel}, draft §12.1.1.2 and PROFILE §7: the CBOR sequence
 * {@code channel_id, token}; the device must present the token to delete the channel.
 *
 * @param channelId the assigned channel id
 * @param token     at least 4 random bytes
 */
public record GatewayChannelGrant(long channelId, Bytes token) {
    public GatewayChannelGrant {
        Objects.requireNonNull(token, "token");
        if (channelId < 0 || channelId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("channel id out of range: " + channelId);
        }
        if (token.length() < 4 || token.length() > 64) {
            throw new IllegalArgumentException("token must be 4..64 bytes");
        }
    }
}
