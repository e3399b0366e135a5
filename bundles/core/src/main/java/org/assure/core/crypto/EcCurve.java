package org.assure.core.crypto;

import java.util.Optional;

import org.assure.core.model.GenerateKeyType;

/** The elliptic curves the profile accepts for EC keys (draft §10.1.2 key types). */
public enum EcCurve {
    P_256("P-256", "secp256r1", "1.2.840.10045.3.1.7", 32, GenerateKeyType.EC_P256),
    P_384("P-384", "secp384r1", "1.3.132.0.34", 48, GenerateKeyType.EC_P384),
    P_521("P-521", "secp521r1", "1.3.132.0.35", 66, GenerateKeyType.EC_P521);

    private final String label;
    private final String secName;
    private final String oid;
    private final int orderLength;
    private final GenerateKeyType generateKeyType;

    EcCurve(String label, String secName, String oid, int orderLength, GenerateKeyType generateKeyType) {
        this.label = label;
        this.secName = secName;
        this.oid = oid;
        this.orderLength = orderLength;
        this.generateKeyType = generateKeyType;
    }

    /** NIST name, e.g. {@code P-256}. */
    public String label() {
        return label;
    }

    /** SEC 2 name, e.g. {@code secp256r1} (OpenSSL calls P-256 {@code prime256v1}). */
    public String secName() {
        return secName;
    }

    /** Dotted named-curve object identifier. */
    public String oid() {
        return oid;
    }

    /** Length in bytes of the group order, and so of each ECDSA {@code r} and {@code s} (PROFILE §3). */
    public int orderLength() {
        return orderLength;
    }

    /** The key type that generates keys on this curve. */
    public GenerateKeyType generateKeyType() {
        return generateKeyType;
    }

    /** The curve with this named-curve OID, if the profile supports it. */
    public static Optional<EcCurve> fromOid(String oid) {
        for (EcCurve curve : values()) {
            if (curve.oid.equals(oid)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    /**
     * The curve a key type generates on.
     *
     * @throws IllegalArgumentException for {@link GenerateKeyType#RSA_2048}
     */
    public static EcCurve of(GenerateKeyType type) {
        for (EcCurve curve : values()) {
            if (curve.generateKeyType == type) {
                return curve;
            }
        }
        throw new IllegalArgumentException("not an EC key type: " + type);
    }
}
