package org.assure.core.model;

import java.util.Objects;
import java.util.UUID;

/** An RSA PKCS#1 v1.5 signature, draft §7.3: {@code s} of modulus length; empty in the signing input. */
public record RsaSignature(SignatureFormat format, SimpleTimestamp createdAt, SimpleTimestamp validUntil, UUID keyId,
        Bytes s) implements SignatureDefinition {
    public RsaSignature {
        SignatureDefinition.check(format, SignatureFormat.Kind.RSA, createdAt, validUntil, keyId);
        Objects.requireNonNull(s, "s");
    }

    @Override
    public RsaSignature unsigned() {
        return new RsaSignature(format, createdAt, validUntil, keyId, Bytes.EMPTY);
    }

    @Override
    public boolean isSigned() {
        return !s.isEmpty();
    }
}
