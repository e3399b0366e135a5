package org.assure.core.model;

import java.util.Objects;

/**
 * A bootstrap payload encrypted under a shared secret, draft §15.5.3 and PROFILE §4:
 * {@code [salt, iterations_or_cipher, encrypted_secret, cipher_suite, cipher_IV, tag, encrypted_data]}.
 * The content key is derived like a derived secret from the image's decryption key.
 */
public record SharedSecretPayload(Bytes salt, long iterations, Bytes encryptedSecret, CipherSuite cipherSuite,
        Bytes iv, Bytes tag, Bytes encryptedData) {
    public SharedSecretPayload {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(encryptedSecret, "encryptedSecret");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(iv, "iv");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(encryptedData, "encryptedData");
        if (iterations < 1 || iterations > Derivation.MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        if (encryptedSecret.length() != cipherSuite.keyLength()) {
            throw new IllegalArgumentException("encrypted secret length must equal the " + cipherSuite.label() + " key length");
        }
        if (iv.length() != cipherSuite.mode().ivLength()) {
            throw new IllegalArgumentException("IV length must be " + cipherSuite.mode().ivLength());
        }
        if (tag.length() != cipherSuite.mode().tagLength()) {
            throw new IllegalArgumentException("tag length must be " + cipherSuite.mode().tagLength());
        }
        if (encryptedData.isEmpty()) {
            // Even an empty payload array encrypts to at least one byte (CBC: one padding block).
            throw new IllegalArgumentException("empty encrypted data");
        }
    }
}
