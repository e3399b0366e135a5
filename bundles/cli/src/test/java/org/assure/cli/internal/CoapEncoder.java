package org.assure.cli.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes CoAP requests in the RFC 7252 §3 encoding, for test inputs and the sample payload. */
final class CoapEncoder {
    private final int code;
    private final int messageId;
    private final byte[] token;
    private final List<int[]> numbers = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private byte[] payload = new byte[0];

    private CoapEncoder(int code, int messageId, byte[] token) {
        this.code = code;
        this.messageId = messageId;
        this.token = token.clone();
    }

    static CoapEncoder put(int messageId, byte[] token) {
        return new CoapEncoder(3, messageId, token);
    }

    static CoapEncoder post(int messageId, byte[] token) {
        return new CoapEncoder(2, messageId, token);
    }

    /** Adds one Uri-Path option per segment of {@code path} ("/v1/keys/..."). */
    CoapEncoder path(String path) {
        for (String segment : path.substring(1).split("/")) {
            option(11, segment.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    CoapEncoder query(String query) {
        return option(15, query.getBytes(StandardCharsets.UTF_8));
    }

    /** Content-Format 60, application/cbor. */
    CoapEncoder cbor(byte[] body) {
        option(12, new byte[] {60});
        this.payload = body.clone();
        return this;
    }

    /** Options must be added in ascending number order, as they are encoded. */
    CoapEncoder option(int number, byte[] value) {
        numbers.add(new int[] {number});
        values.add(value.clone());
        return this;
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x40 | token.length); // version 1, CON
        out.write(code);
        out.write(messageId >>> 8);
        out.write(messageId & 0xFF);
        out.writeBytes(token);
        int last = 0;
        for (int i = 0; i < numbers.size(); i++) {
            int delta = numbers.get(i)[0] - last;
            last = numbers.get(i)[0];
            byte[] value = values.get(i);
            out.write((nibble(delta) << 4) | nibble(value.length));
            extension(out, delta);
            extension(out, value.length);
            out.writeBytes(value);
        }
        if (payload.length > 0) {
            out.write(0xFF);
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    private static int nibble(int value) {
        return value < 13 ? value : value < 269 ? 13 : 14;
    }

    private static void extension(ByteArrayOutputStream out, int value) {
        if (value >= 269) {
            out.write((value - 269) >>> 8);
            out.write((value - 269) & 0xFF);
        } else if (value >= 13) {
            out.write(value - 13);
        }
    }
}
