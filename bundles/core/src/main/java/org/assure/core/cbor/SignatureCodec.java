package org.assure.core.cbor;

import java.util.UUID;
import org.assure.core.model.Bytes;
import org.assure.core.model.ContentType;
import org.assure.core.model.EcSignature;
import org.assure.core.model.HmacSignature;
import org.assure.core.model.RsaSignature;
import org.assure.core.model.SignatureDefinition;
import org.assure.core.model.SignatureFormat;
import org.assure.core.model.SimpleTimestamp;

/**
 * Signatures, draft §7.3: {@code [4, format, created_at, valid_until, key_id, r, s]} (EC),
 * {@code [4, format, created_at, valid_until, key_id, s]} (RSA), {@code [4, format, created_at, valid_until,
 * key_id, hmac]} (HMAC).
 */
public final class SignatureCodec {
    private SignatureCodec() {
    }

    public static byte[] encode(SignatureDefinition signature) {
        return CborWriter.encode(w -> write(w, signature));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid signature
     */
    public static SignatureDefinition decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        SignatureDefinition signature = read(reader, "signature");
        reader.expectEnd();
        return signature;
    }

    public static void write(CborWriter w, SignatureDefinition signature) {
        int items = signature instanceof EcSignature ? 7 : 6;
        w.startArray(items)
                .integer(ContentType.SIGNATURE.code())
                .integer(signature.format().code())
                .integer(signature.createdAt().seconds())
                .integer(signature.validUntil().seconds())
                .uuid(signature.keyId());
        if (signature instanceof EcSignature ec) {
            w.bytes(ec.r()).bytes(ec.s());
        } else if (signature instanceof RsaSignature rsa) {
            w.bytes(rsa.s());
        } else {
            w.bytes(((HmacSignature) signature).hmac());
        }
        w.endArray();
    }

    public static SignatureDefinition read(CborReader r, String field) throws CborDecodeException {
        int items = r.readArrayStart(field, 6, 7);
        Codecs.expectContent(r, ContentType.SIGNATURE);
        SignatureFormat format = Codecs.enumValue(r, "format", SignatureFormat::fromCode);
        int expected = format.kind() == SignatureFormat.Kind.EC ? 7 : 6;
        if (items != expected) {
            throw r.error("", "a " + format.label() + " signature has " + expected + " items, got " + items);
        }
        SimpleTimestamp createdAt = new SimpleTimestamp(r.readUnsigned("created_at", 0, Limits.TIMESTAMP));
        SimpleTimestamp validUntil = new SimpleTimestamp(r.readUnsigned("valid_until", 0, Limits.TIMESTAMP));
        UUID keyId = r.readUuid("key_id");
        SignatureDefinition signature = switch (format.kind()) {
            case EC -> {
                Bytes sr = r.readByteString("r", 0, Limits.EC_VALUE);
                Bytes ss = r.readByteString("s", 0, Limits.EC_VALUE);
                yield Codecs.construct(r, "", () -> new EcSignature(format, createdAt, validUntil, keyId, sr, ss));
            }
            case RSA -> {
                Bytes s = r.readByteString("s", 0, Limits.RSA_VALUE);
                yield Codecs.construct(r, "", () -> new RsaSignature(format, createdAt, validUntil, keyId, s));
            }
            case HMAC -> {
                Bytes mac = r.readByteString("hmac", 0, Limits.HMAC_VALUE);
                yield Codecs.construct(r, "", () -> new HmacSignature(format, createdAt, validUntil, keyId, mac));
            }
        };
        r.endArray();
        return signature;
    }
}
