package org.assure.core.cbor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.Bytes;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.SignatureDefinition;

/**
 * Bootstrap images, draft §15.5 and PROFILE §5:
 * {@code [[authenticated key, ...], owner_information, decryption_key_id, encrypted_payload, signature]}.
 * The encrypted payload may be up to 1 MiB.
 */
public final class BootstrapImageCodec {
    private BootstrapImageCodec() {
    }

    public static byte[] encode(BootstrapImage image) {
        return CborWriter.encode(w -> write(w, image));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid bootstrap image
     */
    public static BootstrapImage decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        BootstrapImage image = read(reader, "bootstrap_image");
        reader.expectEnd();
        return image;
    }

    public static void write(CborWriter w, BootstrapImage image) {
        w.startArray(5).startArray(image.keys().size());
        for (AuthenticatedKey key : image.keys()) {
            AuthenticatedKeyCodec.write(w, key);
        }
        w.endArray();
        OwnerInformationCodec.write(w, image.owner());
        w.uuid(image.decryptionKeyId()).bytes(image.encryptedPayload());
        SignatureCodec.write(w, image.signature());
        w.endArray();
    }

    public static BootstrapImage read(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 5, 5);
        int count = r.readArrayStart("keys", 1, Limits.IMAGE_KEYS);
        List<AuthenticatedKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(AuthenticatedKeyCodec.read(r, "[" + i + "]"));
        }
        r.endArray();
        OwnerInformation owner = OwnerInformationCodec.read(r, "owner_information");
        UUID decryptionKeyId = r.readUuid("decryption_key_id");
        Bytes payload = r.readByteString("encrypted_payload", 1, CborReader.MAX_IMAGE_BYTES);
        SignatureDefinition signature = SignatureCodec.read(r, "signature");
        r.endArray();
        return Codecs.construct(r, field, () -> new BootstrapImage(keys, owner, decryptionKeyId, payload, signature));
    }
}
