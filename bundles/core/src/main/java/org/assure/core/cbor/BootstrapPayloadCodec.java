package org.assure.core.cbor;

import java.util.ArrayList;
import java.util.List;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;

/**
 * The decrypted bootstrap payload, draft §15.5.4 and PROFILE §5: an array of byte strings, each one CoAP message
 * in the RFC 7252 UDP encoding (up to {@link BootstrapPayload#MAX_MESSAGES} messages of 1..64 KiB).
 */
public final class BootstrapPayloadCodec {
    private BootstrapPayloadCodec() {
    }

    public static byte[] encode(BootstrapPayload payload) {
        return CborWriter.encode(w -> write(w, payload));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid payload array
     */
    public static BootstrapPayload decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        BootstrapPayload payload = read(reader, "payload");
        reader.expectEnd();
        return payload;
    }

    public static void write(CborWriter w, BootstrapPayload payload) {
        w.startArray(payload.coapMessages().size());
        for (Bytes message : payload.coapMessages()) {
            w.bytes(message);
        }
        w.endArray();
    }

    public static BootstrapPayload read(CborReader r, String field) throws CborDecodeException {
        int count = r.readArrayStart(field, 0, Limits.PAYLOAD_MESSAGES);
        List<Bytes> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(r.readByteString("coap_message" + i, 1, Limits.PAYLOAD_MESSAGE));
        }
        r.endArray();
        return new BootstrapPayload(messages);
    }
}
