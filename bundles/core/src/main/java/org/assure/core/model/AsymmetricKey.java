package org.assure.core.model;

/** An EC or RSA key: DER SubjectPublicKeyInfo and, optionally, DER PKCS#8 (PROFILE §3). */
public sealed interface AsymmetricKey extends KeyDefinition permits EcKey, RsaKey {
    /** DER SubjectPublicKeyInfo, never empty. */
    Bytes publicKey();

    /** DER PKCS#8 PrivateKeyInfo, or empty when only the public key is known. */
    SecretBytes privateKey();

    default boolean hasPrivateKey() {
        return !privateKey().isEmpty();
    }

    /** The same key without its private part. */
    AsymmetricKey publicOnly();
}
