package org.assure.core.cbor;

import org.assure.core.model.Bytes;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.Derivation;
import org.assure.core.model.SharedSecretPayload;

/**
 * A bootstrap payload encrypted under a shared secret, draft §15.5.3 and PROFILE §4:
 * {@code [salt, iterations_or_cipher, encrypted_secret, cipher_suite, cipher_IV, tag, encrypted_data]}.
 * The encrypted data may be up to 1 MiB, like the image's encrypted payload that holds this structure.
 */
public final class SharedSecretPayloadCodec {
    private SharedSecretPayloadCodec() {
    }

    public static byte[] encode(SharedSecretPayload payload) {
        return CborWriter.encode(w -> write(w, payload));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid shared-secret payload
     */
    public static SharedSecretPayload decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        SharedSecretPayload payload = read(reader, "shared_secret_payload");
        reader.expectEnd();
        return payload;
    }

    public static void write(CborWriter w, SharedSecretPayload payload) {
        w.startArray(7)
                .bytes(payload.salt())
                .integer(payload.iterations())
                .bytes(payload.encryptedSecret())
                .integer(payload.cipherSuite().code())
                .bytes(payload.iv())
                .bytes(payload.tag())
                .bytes(payload.encryptedData())
                .endArray();
    }

    public static SharedSecretPayload read(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 7, 7);
        Bytes salt = r.readByteString("salt", 0, Limits.SALT);
        long iterations = r.readUnsigned("iterations_or_cipher", 1, Derivation.MAX_ITERATIONS);
        Bytes encryptedSecret = r.readByteString("encrypted_secret", 1, Limits.CONTENT_KEY);
        CipherSuite suite = Codecs.enumValue(r, "cipher_suite", CipherSuite::fromCode);
        Bytes iv = r.readByteString("cipher_IV", 1, Limits.CIPHER_IV);
        Bytes tag = r.readByteString("tag", 0, Limits.CIPHER_TAG);
        Bytes encryptedData = r.readByteString("encrypted_data", 1, CborReader.MAX_IMAGE_BYTES);
        r.endArray();
        return Codecs.construct(r, field,
                () -> new SharedSecretPayload(salt, iterations, encryptedSecret, suite, iv, tag, encryptedData));
    }
}
