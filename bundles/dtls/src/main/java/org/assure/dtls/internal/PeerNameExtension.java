package org.assure.dtls.internal;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/**
 * Peer Name Indication (draft §8.2.1, PROFILE §6): {@code PeerNameList} = uint16 length, then entries
 * {@code {uint8 name_type, opaque uuid[16]}} with name_type 0 = uuid.
 */
final class PeerNameExtension {
    static final int NAME_TYPE_UUID = 0;
    private static final int ENTRY_LENGTH = 17;

    private PeerNameExtension() {
    }

    /** The extension data naming {@code name}. */
    static byte[] encode(UUID name) {
        ByteBuffer buffer = ByteBuffer.allocate(2 + ENTRY_LENGTH);
        buffer.putShort((short) ENTRY_LENGTH);
        buffer.put((byte) NAME_TYPE_UUID);
        buffer.putLong(name.getMostSignificantBits());
        buffer.putLong(name.getLeastSignificantBits());
        return buffer.array();
    }

    /**
     * The first UUID in a {@code PeerNameList}. The list must be well formed: its length matches, it is not empty,
     * and every entry is a UUID entry (the only name type defined; the list's structure gives no length for
     * others, so an unknown type cannot be skipped).
     *
     * @return empty if {@code data} is malformed
     */
    static Optional<UUID> decode(byte[] data) {
        if (data == null || data.length < 2) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int length = buffer.getShort() & 0xFFFF;
        if (length != data.length - 2 || length == 0 || length % ENTRY_LENGTH != 0) {
            return Optional.empty();
        }
        UUID first = null;
        while (buffer.hasRemaining()) {
            if (buffer.get() != NAME_TYPE_UUID) {
                return Optional.empty();
            }
            UUID name = new UUID(buffer.getLong(), buffer.getLong());
            if (first == null) {
                first = name;
            }
        }
        return Optional.of(first);
    }
}
