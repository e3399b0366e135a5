package org.assure.core.model;

/** Signature format registry, draft §7.9 and PROFILE §2. Values 3–7 and 11–15 are reserved. */
public enum SignatureFormat {
    ECDSA_SHA256(0, Kind.EC, "SHA-256"),
    ECDSA_SHA384(1, Kind.EC, "SHA-384"),
    ECDSA_SHA512(2, Kind.EC, "SHA-512"),
    RSA_SHA256(8, Kind.RSA, "SHA-256"),
    RSA_SHA384(9, Kind.RSA, "SHA-384"),
    RSA_SHA512(10, Kind.RSA, "SHA-512"),
    HMAC_SHA256(16, Kind.HMAC, "SHA-256"),
    HMAC_SHA384(17, Kind.HMAC, "SHA-384"),
    HMAC_SHA512(18, Kind.HMAC, "SHA-512");

    /** Which signature structure of draft §7.3 the format uses. */
    public enum Kind {
        /** {@code r} and {@code s}. */
        EC,
        /** {@code s}, PKCS#1 v1.5. */
        RSA,
        /** {@code hmac}, keyed with a derived secret. */
        HMAC
    }

    private final int code;
    private final Kind kind;
    private final String digest;

    SignatureFormat(int code, Kind kind, String digest) {
        this.code = code;
        this.kind = kind;
        this.digest = digest;
    }

    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** JCA digest name, e.g. {@code SHA-384}. */
    public String digest() {
        return digest;
    }

    /** The name the draft gives, e.g. {@code ecdsa-with-SHA256}. */
    public String label() {
        String bits = digest.substring(4);
        return switch (kind) {
            case EC -> "ecdsa-with-SHA" + bits;
            case RSA -> "sha" + bits + "WithRSA";
            case HMAC -> "hmacWithSHA" + bits;
        };
    }

    /**
     * @throws IllegalArgumentException if the registry has no such value (including the reserved ones)
     */
    public static SignatureFormat fromCode(long code) {
        for (SignatureFormat value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown SignatureFormat " + code);
    }
}
