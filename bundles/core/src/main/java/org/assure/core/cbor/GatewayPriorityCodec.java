package org.assure.core.cbor;

/**
 * A BACnet gateway's answer to discovery ({@code GET /v1/gateway/<bootstrap_server_id>}), draft §12.1.1.1: a
 * single unsigned integer priority, lower is preferred, 0 when not set. Accepted up to 2^31 - 1.
 */
public final class GatewayPriorityCodec {
    private GatewayPriorityCodec() {
    }

    /**
     * @throws IllegalArgumentException if {@code priority} is negative
     */
    public static byte[] encode(int priority) {
        return CborWriter.encode(w -> write(w, priority));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one unsigned integer up to 2^31 - 1
     */
    public static int decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        int priority = read(reader, "priority");
        reader.expectEnd();
        return priority;
    }

    /**
     * @throws IllegalArgumentException if {@code priority} is negative
     */
    public static void write(CborWriter w, int priority) {
        if (priority < 0) {
            throw new IllegalArgumentException("negative gateway priority");
        }
        w.integer(priority);
    }

    public static int read(CborReader r, String field) throws CborDecodeException {
        return (int) r.readUnsigned(field, 0, Integer.MAX_VALUE);
    }
}
