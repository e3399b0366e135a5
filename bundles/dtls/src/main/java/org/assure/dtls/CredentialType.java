package org.assure.dtls;

/** How the peers of a session authenticated each other (PROFILE §6). */
public enum CredentialType {
    /** A pre-shared (derived) secret: TLS_PSK_WITH_AES_128_CCM_8. */
    PSK,
    /**
     * Raw public keys (RFC 7250): TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 for EC keys,
     * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 for RSA keys.
     */
    RAW_PUBLIC_KEY
}
