package org.assure.core.cbor;

import org.assure.core.model.GoodbyeReason;

/** The goodbye reason, draft §11.3.2 ({@code PUT /v1/devices/<uuid>/goodbye}): a single unsigned integer. */
public final class GoodbyeReasonCodec {
    private GoodbyeReasonCodec() {
    }

    public static byte[] encode(GoodbyeReason reason) {
        return CborWriter.encode(w -> write(w, reason));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one registered reason code
     */
    public static GoodbyeReason decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        GoodbyeReason reason = read(reader, "reason");
        reader.expectEnd();
        return reason;
    }

    public static void write(CborWriter w, GoodbyeReason reason) {
        w.integer(reason.code());
    }

    public static GoodbyeReason read(CborReader r, String field) throws CborDecodeException {
        return Codecs.enumValue(r, field, GoodbyeReason::fromCode);
    }
}
