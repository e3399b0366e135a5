package org.assure.core.cbor;

/** Size limits the codecs enforce beyond {@link CborReader}'s own (PROFILE §1). */
final class Limits {
    /** DER SubjectPublicKeyInfo of the largest key we accept (RSA 16384 bits with room). */
    static final int PUBLIC_KEY = 4096;
    /** DER PKCS#8 of the largest key we accept. */
    static final int PRIVATE_KEY = 16384;
    /** Derivations in one derived-secret key. */
    static final int DERIVATIONS = 16;
    /** PBKDF2 salt. */
    static final int SALT = 1024;
    /** ECDSA r or s (P-521: 66 bytes). */
    static final int EC_VALUE = 66;
    /** RSA signature (up to 16384-bit moduli). */
    static final int RSA_VALUE = 2048;
    /** HMAC-SHA-512 output. */
    static final int HMAC_VALUE = 64;
    /** Simple timestamps: the draft's signed 32-bit range, extended to unsigned. */
    static final long TIMESTAMP = 0xFFFF_FFFFL;
    /** Authenticated keys in one bootstrap image. */
    static final int IMAGE_KEYS = 64;
    /** Metadata entries in an authenticated key. */
    static final int METADATA_ENTRIES = 8;

    private Limits() {
    }
}
