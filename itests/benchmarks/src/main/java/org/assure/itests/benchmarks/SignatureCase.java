package org.assure.itests.benchmarks;

import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.SignatureFormat;

/** The signature formats benchmarked, each with the key it is used with. */
public enum SignatureCase {
    ECDSA_P256_SHA256(GenerateKeyType.EC_P256, SignatureFormat.ECDSA_SHA256, "ecdsa-p256-sha256"),
    ECDSA_P384_SHA384(GenerateKeyType.EC_P384, SignatureFormat.ECDSA_SHA384, "ecdsa-p384-sha384"),
    ECDSA_P521_SHA512(GenerateKeyType.EC_P521, SignatureFormat.ECDSA_SHA512, "ecdsa-p521-sha512"),
    RSA_2048_SHA256(GenerateKeyType.RSA_2048, SignatureFormat.RSA_SHA256, "rsa2048-sha256"),
    /** Keyed with a 32-byte secret; no key pair. */
    HMAC_SHA256(null, SignatureFormat.HMAC_SHA256, "hmac-sha256");

    private final GenerateKeyType keyType;
    private final SignatureFormat format;
    private final String label;

    SignatureCase(GenerateKeyType keyType, SignatureFormat format, String label) {
        this.keyType = keyType;
        this.format = format;
        this.label = label;
    }

    /** The key pair type; {@code null} for HMAC. */
    GenerateKeyType keyType() {
        return keyType;
    }

    SignatureFormat format() {
        return format;
    }

    /** The name used in benchmark reports. */
    String label() {
        return label;
    }
}
