package org.assure.authority.internal.ta;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.model.AuthenticatedKey;

/** Stored form of a list of authenticated keys: each encoding preceded by its 4-byte length. */
final class KeyLists {
    private KeyLists() {
    }

    static byte[] encode(List<AuthenticatedKey> keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AuthenticatedKey key : keys) {
            byte[] encoded = AuthenticatedKeyCodec.encode(key);
            out.writeBytes(ByteBuffer.allocate(4).putInt(encoded.length).array());
            out.writeBytes(encoded);
        }
        return out.toByteArray();
    }

    static List<AuthenticatedKey> decode(byte[] stored) {
        List<AuthenticatedKey> keys = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(stored);
        try {
            while (in.hasRemaining()) {
                byte[] encoded = new byte[in.getInt()];
                in.get(encoded);
                keys.add(AuthenticatedKeyCodec.decode(encoded));
            }
        } catch (CborDecodeException | RuntimeException e) {
            throw new IllegalStateException("stored key list is corrupt", e);
        }
        return keys;
    }
}
