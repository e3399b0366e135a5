package org.assure.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * One derivation of a derived secret, draft §7.2 and PROFILE §4:
 * {@code [reference_key_id, salt, iterations_or_cipher, encrypted_secret]}. For a shared-secret reference key
 * the secret is PBKDF2 XOR {@code encryptedSecret}; for EC and RSA reference keys {@code encryptedSecret} is a
 * DER CMS envelope, the salt is empty and {@code iterationsOrCipher} is 0.
 *
 * @param referenceKeyId     UUID of the key this derivation starts from
 * @param salt               PBKDF2 salt (empty for EC/RSA)
 * @param iterationsOrCipher PBKDF2 iteration count (0 for EC/RSA), at most 10,000,000
 * @param encryptedSecret    the concealed secret, not empty
 */
public record Derivation(UUID referenceKeyId, Bytes salt, long iterationsOrCipher, Bytes encryptedSecret) {
    /** Upper bound on PBKDF2 iterations accepted anywhere (PROFILE §4). */
    public static final long MAX_ITERATIONS = 10_000_000L;

    public Derivation {
        Objects.requireNonNull(referenceKeyId, "referenceKeyId");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(encryptedSecret, "encryptedSecret");
        if (iterationsOrCipher < 0 || iterationsOrCipher > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterationsOrCipher);
        }
        if (encryptedSecret.isEmpty()) {
            throw new IllegalArgumentException("encrypted secret must not be empty");
        }
    }
}
