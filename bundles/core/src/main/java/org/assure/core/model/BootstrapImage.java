package org.assure.core.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The bootstrap image, draft §15.5 and PROFILE §5:
 * {@code [[authenticated key, ...], owner_information, decryption_key_id, encrypted_payload, signature]}.
 * The signature (by a Management System key) covers the encrypted payload.
 *
 * @param keys             authenticated keys in import order, 1..{@link #MAX_KEYS}
 * @param owner            signed owner information
 * @param decryptionKeyId  the device key (or derived secret) that opens the payload
 * @param encryptedPayload a CMS envelope (EC/RSA) or an encoded {@link SharedSecretPayload}
 * @param signature        the image signature
 */
public record BootstrapImage(List<AuthenticatedKey> keys, OwnerInformation owner, UUID decryptionKeyId,
        Bytes encryptedPayload, SignatureDefinition signature) {
    /** Most authenticated keys one image carries (docs/PROFILE-ADDITIONS.md §4). */
    public static final int MAX_KEYS = 64;

    public BootstrapImage {
        keys = List.copyOf(keys);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(decryptionKeyId, "decryptionKeyId");
        Objects.requireNonNull(encryptedPayload, "encryptedPayload");
        Objects.requireNonNull(signature, "signature");
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("a bootstrap image carries 1.." + MAX_KEYS + " authenticated keys");
        }
        if (encryptedPayload.isEmpty()) {
            throw new IllegalArgumentException("empty encrypted payload");
        }
        // The header is not encrypted: private parts belong in the encrypted payload (docs/PROFILE-ADDITIONS.md).
        if (keys.stream().anyMatch(k -> k.key() instanceof AsymmetricKey a && a.hasPrivateKey())) {
            throw new IllegalArgumentException("an authenticated key in the image header carries a private key");
        }
    }

    public BootstrapImage unsigned() {
        return new BootstrapImage(keys, owner, decryptionKeyId, encryptedPayload, signature.unsigned());
    }

    public BootstrapImage withSignature(SignatureDefinition newSignature) {
        return new BootstrapImage(keys, owner, decryptionKeyId, encryptedPayload, newSignature);
    }
}
