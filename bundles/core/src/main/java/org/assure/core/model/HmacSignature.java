package org.assure.core.model;

import java.util.Objects;
import java.util.UUID;

/** An HMAC "signature" keyed with a derived secret, draft §7.3; {@code hmac} is empty in the signing input. */
public record HmacSignature(SignatureFormat format, SimpleTimestamp createdAt, SimpleTimestamp validUntil, UUID keyId,
        Bytes hmac) implements SignatureDefinition {
    public HmacSignature {
        SignatureDefinition.check(format, SignatureFormat.Kind.HMAC, createdAt, validUntil, keyId);
        Objects.requireNonNull(hmac, "hmac");
    }

    @Override
    public HmacSignature unsigned() {
        return new HmacSignature(format, createdAt, validUntil, keyId, Bytes.EMPTY);
    }

    @Override
    public boolean isSigned() {
        return !hmac.isEmpty();
    }
}
