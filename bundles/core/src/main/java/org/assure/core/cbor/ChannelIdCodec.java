package org.assure.core.cbor;

/**
 * A bare channel id, the CBOR unsigned integer that {@code PUT /v1/channels} returns (draft §10.1.6); channel
 * ids are 0..2^32 - 1 (PROFILE-ADDITIONS §4).
 */
public final class ChannelIdCodec {
    private ChannelIdCodec() {
    }

    /**
     * @throws IllegalArgumentException if {@code channelId} is outside 0..2^32 - 1
     */
    public static byte[] encode(long channelId) {
        return CborWriter.encode(w -> write(w, channelId));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one unsigned integer up to 2^32 - 1
     */
    public static long decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        long channelId = read(reader, "channel_id");
        reader.expectEnd();
        return channelId;
    }

    /**
     * @throws IllegalArgumentException if {@code channelId} is outside 0..2^32 - 1
     */
    public static void write(CborWriter w, long channelId) {
        if (channelId < 0 || channelId > Limits.CHANNEL_ID) {
            throw new IllegalArgumentException("channel id out of range: " + channelId);
        }
        w.integer(channelId);
    }

    public static long read(CborReader r, String field) throws CborDecodeException {
        return r.readUnsigned(field, 0, Limits.CHANNEL_ID);
    }
}
