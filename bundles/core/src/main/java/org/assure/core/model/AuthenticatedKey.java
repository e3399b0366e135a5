package org.assure.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * An authenticated key, draft §7.4: {@code [0, class, key definition, metadata, signature]} — the aSSURE
 * replacement for a certificate. The signature covers the whole structure with its value fields empty.
 *
 * @param identityClass what the key is for; decides what it may sign (PROFILE §3 permission matrix)
 * @param key           the key definition
 * @param metadata      metadata map
 * @param signature     the signature of a key already trusted
 */
public record AuthenticatedKey(IdentityClass identityClass, KeyDefinition key, KeyMetadata metadata,
        SignatureDefinition signature) {
    public AuthenticatedKey {
        Objects.requireNonNull(identityClass, "identityClass");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(signature, "signature");
        if (signature.keyId().equals(key.keyId())) {
            throw new IllegalArgumentException("a key cannot sign itself");
        }
    }

    public UUID keyId() {
        return key.keyId();
    }

    /** The same authenticated key with its signature value fields empty (the signing input form). */
    public AuthenticatedKey unsigned() {
        return new AuthenticatedKey(identityClass, key, metadata, signature.unsigned());
    }

    /** The same authenticated key carrying {@code newSignature}. */
    public AuthenticatedKey withSignature(SignatureDefinition newSignature) {
        return new AuthenticatedKey(identityClass, key, metadata, newSignature);
    }
}
