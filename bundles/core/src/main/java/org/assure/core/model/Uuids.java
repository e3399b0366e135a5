package org.assure.core.model;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;

/** UUIDs on the wire: 16-byte byte strings in RFC 4122 network order (PROFILE §1). */
public final class Uuids {
    /** Length of a UUID on the wire. */
    public static final int LENGTH = 16;

    private Uuids() {
    }

    public static byte[] toBytes(UUID uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return ByteBuffer.allocate(LENGTH)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    /**
     * @throws IllegalArgumentException unless {@code bytes} is exactly 16 bytes long
     */
    public static UUID fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a UUID is 16 bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
