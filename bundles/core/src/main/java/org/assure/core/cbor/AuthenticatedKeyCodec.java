package org.assure.core.cbor;

import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.ContentType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.SignatureDefinition;

/**
 * Authenticated keys, draft §7.4: {@code [0, class, key definition, {metadata}, signature]}; metadata key 0 is
 * the owning device's UUID (draft §7.10); other metadata keys are rejected.
 */
public final class AuthenticatedKeyCodec {
    /** Metadata map key for the owning device, draft §7.10. */
    public static final int METADATA_OWNING_DEVICE = 0;

    private AuthenticatedKeyCodec() {
    }

    public static byte[] encode(AuthenticatedKey key) {
        return CborWriter.encode(w -> write(w, key));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid authenticated key
     */
    public static AuthenticatedKey decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        AuthenticatedKey key = read(reader, "authenticated_key");
        reader.expectEnd();
        return key;
    }

    public static void write(CborWriter w, AuthenticatedKey key) {
        w.startArray(5).integer(ContentType.IDENTITY.code()).integer(key.identityClass().code());
        KeyDefinitionCodec.write(w, key.key());
        writeMetadata(w, key.metadata());
        SignatureCodec.write(w, key.signature());
        w.endArray();
    }

    static void writeMetadata(CborWriter w, KeyMetadata metadata) {
        if (metadata.owningDevice().isPresent()) {
            w.startMap(1).mapKey(METADATA_OWNING_DEVICE).uuid(metadata.owningDevice().get()).endMap();
        } else {
            w.startMap(0).endMap();
        }
    }

    public static AuthenticatedKey read(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 5, 5);
        Codecs.expectContent(r, ContentType.IDENTITY);
        IdentityClass identityClass = Codecs.enumValue(r, "class", IdentityClass::fromCode);
        KeyDefinition key = KeyDefinitionCodec.read(r, "key");
        KeyMetadata metadata = readMetadata(r, "metadata");
        SignatureDefinition signature = SignatureCodec.read(r, "signature");
        r.endArray();
        return Codecs.construct(r, field, () -> new AuthenticatedKey(identityClass, key, metadata, signature));
    }

    static KeyMetadata readMetadata(CborReader r, String field) throws CborDecodeException {
        int entries = r.readMapStart(field, Limits.METADATA_ENTRIES);
        Optional<UUID> owner = Optional.empty();
        for (int i = 0; i < entries; i++) {
            long key = r.readMapKey();
            if (key != METADATA_OWNING_DEVICE) {
                throw r.error("key", "unregistered metadata key " + key);
            }
            owner = Optional.of(r.readUuid("owning_device"));
        }
        r.endMap();
        return new KeyMetadata(owner);
    }
}
