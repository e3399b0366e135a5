package org.assure.core.cbor;

import org.assure.core.model.Bytes;
import org.assure.core.model.GatewayChannelGrant;

/**
 * The answer to {@code POST /v1/gateway/channel?server=<id>}, draft §12.1.1.2 and PROFILE §7: the CBOR sequence
 * {@code channel_id, token} (token 4..64 bytes) — two items, no enclosing array.
 */
public final class GatewayChannelGrantCodec {
    private static final int MIN_TOKEN = 4;
    private static final int MAX_TOKEN = 64;

    private GatewayChannelGrantCodec() {
    }

    public static byte[] encode(GatewayChannelGrant grant) {
        return CborWriter.encode(w -> write(w, grant));
    }

    /**
     * @throws CborDecodeException unless {@code data} is exactly the two-item sequence
     */
    public static GatewayChannelGrant decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        GatewayChannelGrant grant = read(reader);
        reader.expectEnd();
        return grant;
    }

    /** Writes the two items of the sequence. */
    public static void write(CborWriter w, GatewayChannelGrant grant) {
        w.integer(grant.channelId()).bytes(grant.token());
    }

    /** Reads the two items of the sequence. */
    public static GatewayChannelGrant read(CborReader r) throws CborDecodeException {
        long channelId = ChannelIdCodec.read(r, "channel_id");
        Bytes token = r.readByteString("token", MIN_TOKEN, MAX_TOKEN);
        return new GatewayChannelGrant(channelId, token);
    }
}
