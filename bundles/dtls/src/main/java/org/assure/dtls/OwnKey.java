package org.assure.dtls;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import java.util.UUID;
import org.assure.core.crypto.Keys;
import org.assure.core.model.KeyFormat;

/**
 * This side's raw public key pair (RFC 7250). EC keys use TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, RSA keys
 * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256. {@code toString} hides the private key.
 *
 * @param keyId      the key's aSSURE UUID
 * @param publicKey  EC or RSA public key
 * @param privateKey its private key
 */
public record OwnKey(UUID keyId, PublicKey publicKey, PrivateKey privateKey) {
    public OwnKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        KeyFormat format = Keys.format(publicKey);
        if (format != KeyFormat.EC && format != KeyFormat.RSA) {
            throw new IllegalArgumentException("raw public keys are EC or RSA");
        }
        if (Keys.format(privateKey) != format) {
            throw new IllegalArgumentException("private key type does not match the public key");
        }
    }

    /** EC or RSA. */
    public KeyFormat format() {
        return Keys.format(publicKey);
    }

    @Override
    public String toString() {
        return "OwnKey[" + keyId + ", " + format().label() + "]";
    }
}
