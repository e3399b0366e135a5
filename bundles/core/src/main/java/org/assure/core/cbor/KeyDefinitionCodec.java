package org.assure.core.cbor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.ContentType;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;

/**
 * Key definitions, draft §7.2 and PROFILE §3: {@code [1, format, key_id, public_key, private_key]} for EC and
 * RSA, {@code [1, 2, key_id, [reference_key_id, salt, iterations_or_cipher, encrypted_secret], ...]} for a
 * derived secret.
 */
public final class KeyDefinitionCodec {
    private KeyDefinitionCodec() {
    }

    public static byte[] encode(KeyDefinition key) {
        return CborWriter.encode(w -> write(w, key));
    }

    /** The key in its public form (private part empty), as it appears in signing inputs (PROFILE §3). */
    public static KeyDefinition publicForm(KeyDefinition key) {
        return key instanceof AsymmetricKey asymmetric ? asymmetric.publicOnly() : key;
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid key definition
     */
    public static KeyDefinition decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        KeyDefinition key = read(reader, "key");
        reader.expectEnd();
        return key;
    }

    public static void write(CborWriter w, KeyDefinition key) {
        if (key instanceof AsymmetricKey a) {
            w.startArray(5)
                    .integer(ContentType.KEY.code())
                    .integer(a.format().code())
                    .uuid(a.keyId())
                    .bytes(a.publicKey())
                    .secretBytes(a.privateKey())
                    .endArray();
            return;
        }
        DerivedSecretKey d = (DerivedSecretKey) key;
        w.startArray(3 + d.derivations().size())
                .integer(ContentType.KEY.code())
                .integer(KeyFormat.DERIVED_SECRET.code())
                .uuid(d.keyId());
        for (Derivation derivation : d.derivations()) {
            w.startArray(4)
                    .uuid(derivation.referenceKeyId())
                    .bytes(derivation.salt())
                    .integer(derivation.iterationsOrCipher())
                    .bytes(derivation.encryptedSecret())
                    .endArray();
        }
        w.endArray();
    }

    public static KeyDefinition read(CborReader r, String field) throws CborDecodeException {
        int items = r.readArrayStart(field, 4, 3 + Limits.DERIVATIONS);
        Codecs.expectContent(r, ContentType.KEY);
        KeyFormat format = Codecs.enumValue(r, "format", KeyFormat::fromCode);
        UUID keyId = r.readUuid("key_id");
        KeyDefinition key;
        if (format == KeyFormat.DERIVED_SECRET) {
            List<Derivation> derivations = new ArrayList<>();
            for (int i = 0; i < items - 3; i++) {
                derivations.add(readDerivation(r, "derivations[" + i + "]"));
            }
            key = Codecs.construct(r, "derivations", () -> new DerivedSecretKey(keyId, derivations));
        } else {
            if (items != 5) {
                throw r.error("", "an " + format.label() + " key has 5 items, got " + items);
            }
            Bytes publicKey = r.readByteString("public_key", 1, Limits.PUBLIC_KEY);
            byte[] privateKey = r.readBytes("private_key", 0, Limits.PRIVATE_KEY);
            SecretBytes secret = SecretBytes.wrap(privateKey);
            key = format == KeyFormat.EC ? new EcKey(keyId, publicKey, secret) : new RsaKey(keyId, publicKey, secret);
        }
        r.endArray();
        return key;
    }

    private static Derivation readDerivation(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 4, 4);
        UUID reference = r.readUuid("reference_key_id");
        Bytes salt = r.readByteString("salt", 0, Limits.SALT);
        long iterations = r.readUnsigned("iterations_or_cipher", 0, Derivation.MAX_ITERATIONS);
        Bytes encrypted = r.readByteString("encrypted_secret", 1, CborReader.MAX_BYTES);
        r.endArray();
        return new Derivation(reference, salt, iterations, encrypted);
    }
}
