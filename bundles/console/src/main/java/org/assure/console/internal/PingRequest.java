package org.assure.console.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.assure.core.model.ChannelStatus;

/**
 * A ping asked for through the console: which channel, and the text the peer should echo.
 *
 * @param channel the channel id, 0..2^32-1
 * @param payload the text sent as the payload of {@code GET /v1/ping}, at most {@link #MAX_PAYLOAD_BYTES} in UTF-8
 */
record PingRequest(long channel, String payload) {
    /** The most payload bytes a console ping sends; a device echoes at most its own limit (512 by default). */
    static final int MAX_PAYLOAD_BYTES = 1024;

    PingRequest {
        if (channel < 0 || channel > ChannelStatus.MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("channel out of range");
        }
        Objects.requireNonNull(payload, "payload");
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload too long");
        }
    }

    /**
     * Reads the form fields {@code channel} and {@code payload} (absent payload = empty).
     *
     * @throws IllegalArgumentException with a short fixed text naming the field, never echoing the input
     */
    static PingRequest parse(String channel, String payload) {
        if (channel == null || channel.isEmpty() || channel.length() > 10 || !channel.chars().allMatch(
                c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("channel must be a channel id");
        }
        return new PingRequest(Long.parseLong(channel), payload == null ? "" : payload);
    }
}
