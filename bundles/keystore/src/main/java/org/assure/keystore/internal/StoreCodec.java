package org.assure.keystore.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.CborReader;
import org.assure.core.cbor.CborWriter;
import org.assure.core.crypto.CryptoException;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.TrustedKey;
import org.assure.keystore.KeyOperations;
import org.assure.keystore.KeyOrigin;

/**
 * The plaintext of the store file (encrypted by {@link StoreCipher}), deterministic CBOR:
 * {@code [1, owner_sequence, [entry, ...], [[name, blob], ...]]}, each entry
 * {@code [origin (1 imported, 2 generated), bootstrap_defined, authenticated key with private part, secret]}.
 * Only persistent keys are written. Decoding is strict and rebuilds the trusted keys (parsing their DER and
 * checking private parts match); anything wrong is a {@link CborDecodeException}.
 */
final class StoreCodec {
    static final int VERSION = 1;
    private static final int ORIGIN_IMPORTED = 1;
    private static final int ORIGIN_GENERATED = 2;
    private static final int MAX_ENTRIES = 4096;
    private static final int MAX_BLOBS = 64;
    private static final int MAX_SECRET = 64;

    private StoreCodec() {
    }

    static byte[] encode(StoreState state) {
        List<KeyEntry> keys = state.keys().values().stream().filter(KeyEntry::persistent).toList();
        return CborWriter.encode(w -> {
            w.startArray(4).integer(VERSION).integer(state.ownerSequence());
            w.startArray(keys.size());
            for (KeyEntry key : keys) {
                w.startArray(4).integer(key.origin() == KeyOrigin.GENERATED ? ORIGIN_GENERATED : ORIGIN_IMPORTED)
                        .bool(key.bootstrapDefined());
                AuthenticatedKeyCodec.write(w, key.stored().orElseThrow());
                w.secretBytes(key.trusted().secret().orElse(SecretBytes.EMPTY));
                w.endArray();
            }
            w.endArray();
            w.startArray(state.blobs().size());
            state.blobs().forEach((name, value) -> w.startArray(2).text(name).bytes(value).endArray());
            w.endArray();
            w.endArray();
        });
    }

    static StoreState decode(byte[] data) throws CborDecodeException {
        CborReader r = CborReader.of(data);
        r.readArrayStart("store", 4, 4);
        r.readUnsigned("version", VERSION, VERSION);
        long ownerSequence = r.readUnsigned("owner_sequence", 0, Long.MAX_VALUE);
        int count = r.readArrayStart("keys", 0, MAX_ENTRIES);
        List<KeyEntry> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            r.readArrayStart("entry", 4, 4);
            long origin = r.readUnsigned("origin", ORIGIN_IMPORTED, ORIGIN_GENERATED);
            boolean bootstrapDefined = r.readBoolean("bootstrap_defined");
            AuthenticatedKey key = AuthenticatedKeyCodec.read(r, "key");
            byte[] secret = r.readBytes("secret", 0, MAX_SECRET);
            r.endArray();
            TrustedKey trusted;
            try {
                trusted = TrustedKey.authenticated(key, SecretBytes.wrap(secret));
            } catch (CryptoException e) {
                throw r.error("key", "key material invalid");
            }
            keys.add(new KeyEntry(trusted, origin == ORIGIN_GENERATED ? KeyOrigin.GENERATED : KeyOrigin.IMPORTED, true,
                    bootstrapDefined));
        }
        r.endArray();
        int blobCount = r.readArrayStart("blobs", 0, MAX_BLOBS);
        Map<String, Bytes> blobs = new TreeMap<>();
        for (int i = 0; i < blobCount; i++) {
            r.readArrayStart("blob", 2, 2);
            String name = r.readText("name", 64);
            if (!KeyOperations.BLOB_NAME.matcher(name).matches() || blobs.containsKey(name)) {
                throw r.error("name", "invalid or duplicate blob name");
            }
            blobs.put(name, r.readByteString("value", 0, KeyOperations.MAX_BLOB_BYTES));
            r.endArray();
        }
        r.endArray();
        r.endArray();
        r.expectEnd();
        try {
            return StoreState.of(keys, ownerSequence, blobs);
        } catch (IllegalArgumentException e) {
            throw r.error("keys", "duplicate key id");
        }
    }
}
