package org.assure.core.cbor;

import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelFrame;

/**
 * The body of a BACnet secure management or data channel message (network message types 0x81 and 0x82), draft
 * §12.1.2/§12.1.3 and PROFILE §7: the CBOR sequence {@code channel_id, dtls_data} — two items back to back, no
 * enclosing array.
 */
public final class ChannelFrameCodec {
    private ChannelFrameCodec() {
    }

    public static byte[] encode(ChannelFrame frame) {
        return CborWriter.encode(w -> write(w, frame));
    }

    /**
     * @throws CborDecodeException unless {@code data} is exactly the two-item sequence
     */
    public static ChannelFrame decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        ChannelFrame frame = read(reader);
        reader.expectEnd();
        return frame;
    }

    /** Writes the two items of the sequence. */
    public static void write(CborWriter w, ChannelFrame frame) {
        w.integer(frame.channelId()).bytes(frame.dtlsData());
    }

    /** Reads the two items of the sequence. */
    public static ChannelFrame read(CborReader r) throws CborDecodeException {
        long channelId = ChannelIdCodec.read(r, "channel_id");
        Bytes dtls = r.readByteString("dtls_data", 1, CborReader.MAX_BYTES);
        return new ChannelFrame(channelId, dtls);
    }
}
