package org.assure.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * An ECDSA signature, draft §7.3: {@code r} and {@code s} unsigned big-endian, left-padded to the curve order
 * length (PROFILE §3); both empty in the signing input.
 */
public record EcSignature(SignatureFormat format, SimpleTimestamp createdAt, SimpleTimestamp validUntil, UUID keyId,
        Bytes r, Bytes s) implements SignatureDefinition {
    public EcSignature {
        SignatureDefinition.check(format, SignatureFormat.Kind.EC, createdAt, validUntil, keyId);
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
        if (r.isEmpty() != s.isEmpty()) {
            throw new IllegalArgumentException("r and s must both be set or both be empty");
        }
    }

    @Override
    public EcSignature unsigned() {
        return new EcSignature(format, createdAt, validUntil, keyId, Bytes.EMPTY, Bytes.EMPTY);
    }

    @Override
    public boolean isSigned() {
        return !r.isEmpty();
    }
}
