package org.assure.core.model;

import java.util.Objects;

/**
 * A BACnet secure-channel message body, draft §12.1.2/§12.1.3: the CBOR sequence {@code channel_id, dtls_data}.
 *
 * @param channelId the channel id, 0..2^32-1
 * @param dtlsData  one or more DTLS records, not empty
 */
public record ChannelFrame(long channelId, Bytes dtlsData) {
    public ChannelFrame {
        Objects.requireNonNull(dtlsData, "dtlsData");
        if (channelId < 0 || channelId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("channel id out of range: " + channelId);
        }
        if (dtlsData.isEmpty()) {
            throw new IllegalArgumentException("empty DTLS data");
        }
    }
}
