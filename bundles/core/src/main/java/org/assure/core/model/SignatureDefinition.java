package org.assure.core.model;

import java.util.UUID;

/**
 * A signature, draft §7.3: {@code [4, format, created_at, valid_until, key_id, value...]} where the value is
 * {@code r, s} (EC), {@code s} (RSA) or {@code hmac}. The signing input (PROFILE §3) is the enclosing structure
 * encoded with the value fields empty; {@link #unsigned()} gives that form.
 */
public sealed interface SignatureDefinition permits EcSignature, RsaSignature, HmacSignature {
    SignatureFormat format();

    /** When the signature was made; {@link SimpleTimestamp#NONE} if unknown. */
    SimpleTimestamp createdAt();

    /** After this the signature is invalid; {@link SimpleTimestamp#NONE} for no expiry. */
    SimpleTimestamp validUntil();

    /** UUID of the signing key. */
    UUID keyId();

    /** The same signature with every value field empty, as it appears in the signing input. */
    SignatureDefinition unsigned();

    /** True once value fields are filled in. */
    boolean isSigned();

    /** Whether {@code at} lies within [createdAt, validUntil]; a bound of 0 is no bound. */
    default boolean isValidAt(SimpleTimestamp at) {
        boolean afterStart = createdAt().isNone() || at.seconds() >= createdAt().seconds();
        boolean beforeEnd = validUntil().isNone() || at.seconds() <= validUntil().seconds();
        return afterStart && beforeEnd;
    }

    /**
     * Checks the shared fields; for the compact constructors of the variants.
     */
    static void check(SignatureFormat format, SignatureFormat.Kind kind, SimpleTimestamp createdAt,
            SimpleTimestamp validUntil, UUID keyId) {
        java.util.Objects.requireNonNull(format, "format");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        java.util.Objects.requireNonNull(validUntil, "validUntil");
        java.util.Objects.requireNonNull(keyId, "keyId");
        if (format.kind() != kind) {
            throw new IllegalArgumentException(format.label() + " is not a " + kind + " signature format");
        }
        if (!createdAt.isNone() && !validUntil.isNone() && validUntil.seconds() < createdAt.seconds()) {
            throw new IllegalArgumentException("signature expires before it was created");
        }
    }
}
