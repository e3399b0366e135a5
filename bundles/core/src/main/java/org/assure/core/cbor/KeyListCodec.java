package org.assure.core.cbor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.ContentType;
import org.assure.core.model.KeyListEntry;

/**
 * The key list of {@code GET /v1/keys}, draft §10.1.5: an array of authenticated keys (§7.4) in which no private
 * key is disclosed: an EC or RSA key's {@code private_key} is the ASCII byte string {@code "PRESENT"} when the
 * device holds the private part and empty otherwise. Any other private-key content is rejected.
 */
public final class KeyListCodec {
    /** The {@code private_key} marker of a key whose private part the device holds. */
    private static final byte[] PRESENT = "PRESENT".getBytes(StandardCharsets.US_ASCII);

    private KeyListCodec() {
    }

    /**
     * @throws IllegalArgumentException if there are more than 1024 entries
     */
    public static byte[] encode(List<KeyListEntry> keys) {
        return CborWriter.encode(w -> write(w, keys));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one array of valid key list entries
     */
    public static List<KeyListEntry> decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        List<KeyListEntry> keys = read(reader, "keys");
        reader.expectEnd();
        return keys;
    }

    /**
     * @throws IllegalArgumentException if there are more than 1024 entries
     */
    public static void write(CborWriter w, List<KeyListEntry> keys) {
        if (keys.size() > Limits.LIST_ENTRIES) {
            throw new IllegalArgumentException("more than " + Limits.LIST_ENTRIES + " keys");
        }
        w.startArray(keys.size());
        for (KeyListEntry entry : keys) {
            writeEntry(w, entry);
        }
        w.endArray();
    }

    public static List<KeyListEntry> read(CborReader r, String field) throws CborDecodeException {
        int count = r.readArrayStart(field, 0, Limits.LIST_ENTRIES);
        List<KeyListEntry> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(readEntry(r, "[" + i + "]"));
        }
        r.endArray();
        return List.copyOf(keys);
    }

    private static void writeEntry(CborWriter w, KeyListEntry entry) {
        AuthenticatedKey key = entry.key();
        if (!entry.privateKeyPresent()) {
            AuthenticatedKeyCodec.write(w, key);
            return;
        }
        AsymmetricKey asymmetric = (AsymmetricKey) key.key();
        w.startArray(5).integer(ContentType.IDENTITY.code()).integer(key.identityClass().code());
        w.startArray(5)
                .integer(ContentType.KEY.code())
                .integer(asymmetric.format().code())
                .uuid(asymmetric.keyId())
                .bytes(asymmetric.publicKey())
                .bytes(PRESENT)
                .endArray();
        AuthenticatedKeyCodec.writeMetadata(w, key.metadata());
        SignatureCodec.write(w, key.signature());
        w.endArray();
    }

    private static KeyListEntry readEntry(CborReader r, String field) throws CborDecodeException {
        AuthenticatedKey key = AuthenticatedKeyCodec.read(r, field);
        if (!(key.key() instanceof AsymmetricKey asymmetric) || !asymmetric.hasPrivateKey()) {
            return new KeyListEntry(key, false);
        }
        byte[] marker = asymmetric.privateKey().toByteArray();
        try {
            if (!Arrays.equals(marker, PRESENT)) {
                throw r.error(field + ".key.private_key", "must be empty or \"PRESENT\" in a key list");
            }
        } finally {
            Arrays.fill(marker, (byte) 0);
        }
        return new KeyListEntry(new AuthenticatedKey(key.identityClass(), asymmetric.publicOnly(), key.metadata(),
                key.signature()), true);
    }
}
