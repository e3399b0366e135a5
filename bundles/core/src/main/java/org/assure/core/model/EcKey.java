package org.assure.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * An EC key, draft §7.2: {@code [1, 0, key_id, public_key, private_key]}. Key material is not
 * parsed here; {@code org.assure.core.crypto.Keys} checks it when the key is used.
 *
 * @param keyId      the key's UUID
 * @param publicKey  DER SubjectPublicKeyInfo, not empty
 * @param privateKey DER PKCS#8, or {@link SecretBytes#EMPTY}
 */
public record EcKey(UUID keyId, Bytes publicKey, SecretBytes privateKey) implements AsymmetricKey {
    public EcKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        if (publicKey.isEmpty()) {
            throw new IllegalArgumentException("public key must not be empty");
        }
    }

    /** A key with only its public part. */
    public static EcKey publicKey(UUID keyId, Bytes publicKey) {
        return new EcKey(keyId, publicKey, SecretBytes.EMPTY);
    }

    @Override
    public KeyFormat format() {
        return KeyFormat.EC;
    }

    @Override
    public EcKey publicOnly() {
        return hasPrivateKey() ? publicKey(keyId, publicKey) : this;
    }
}
