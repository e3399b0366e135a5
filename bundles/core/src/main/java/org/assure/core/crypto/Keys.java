package org.assure.core.crypto;

import java.math.BigInteger;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Objects;

import org.assure.core.crypto.internal.EcDomain;
import org.assure.core.crypto.internal.KeyCodec;
import org.assure.core.model.Bytes;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * EC and RSA keys as the draft carries them (§7.2, PROFILE §3): {@code public_key} is DER SubjectPublicKeyInfo,
 * {@code private_key} DER PKCS#8. EC keys must be on P-256, P-384 or P-521 with a named curve; RSA moduli must
 * have 2048 to 8192 bits. Keys returned here belong to the bundle's private BouncyCastle provider.
 */
public final class Keys {
    private Keys() {
    }

    /**
     * Parses a DER SubjectPublicKeyInfo.
     *
     * @param format {@link KeyFormat#EC} or {@link KeyFormat#RSA}
     * @throws CryptoException MALFORMED if the bytes are not a DER key of that format or the point is invalid;
     *                         NOT_IMPLEMENTED for another curve, explicit curve parameters or an RSA size out of range
     * @throws IllegalArgumentException for {@link KeyFormat#DERIVED_SECRET}
     */
    public static PublicKey publicKey(KeyFormat format, Bytes spkiDer) throws CryptoException {
        Objects.requireNonNull(spkiDer, "spkiDer");
        return KeyCodec.parsePublic(isEc(format), spkiDer.toByteArray());
    }

    /**
     * Parses a DER PKCS#8 PrivateKeyInfo. An embedded EC public key must match the private scalar.
     *
     * @param format {@link KeyFormat#EC} or {@link KeyFormat#RSA}
     * @throws CryptoException MALFORMED if the bytes are not a consistent DER key of that format; NOT_IMPLEMENTED
     *                         for another curve or an RSA size out of range
     * @throws IllegalArgumentException for {@link KeyFormat#DERIVED_SECRET}
     */
    public static PrivateKey privateKey(KeyFormat format, SecretBytes pkcs8Der) throws CryptoException {
        Objects.requireNonNull(pkcs8Der, "pkcs8Der");
        boolean ec = isEc(format);
        byte[] der = pkcs8Der.toByteArray();
        try {
            return KeyCodec.parsePrivate(ec, der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * Canonical DER SubjectPublicKeyInfo: named curve with uncompressed point, or rsaEncryption.
     *
     * @throws IllegalArgumentException if the key is neither an EC key on a supported curve nor an RSA key
     */
    public static Bytes encodePublic(PublicKey key) {
        Objects.requireNonNull(key, "key");
        return Bytes.of(KeyCodec.encodePublic(key));
    }

    /**
     * Canonical DER PKCS#8; EC keys include their public point, RSA keys all CRT values.
     *
     * @throws IllegalArgumentException if the key is neither an EC key on a supported curve nor an RSA key with CRT
     *                                  values
     */
    public static SecretBytes encodePrivate(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        return SecretBytes.wrap(KeyCodec.encodePrivate(key));
    }

    /** Whether the two keys are the halves of one key pair; false for mixed or unsupported types. */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        if (publicKey instanceof ECPublicKey ecPublic && privateKey instanceof ECPrivateKey ecPrivate) {
            return ecMatches(ecPublic, ecPrivate);
        }
        if (publicKey instanceof RSAPublicKey rsaPublic && privateKey instanceof RSAPrivateKey rsaPrivate) {
            return rsaMatches(rsaPublic, rsaPrivate);
        }
        return false;
    }

    /**
     * The key format of an EC or RSA key.
     *
     * @throws IllegalArgumentException for any other key
     */
    public static KeyFormat format(Key key) {
        if (key instanceof ECPublicKey || key instanceof ECPrivateKey) {
            return KeyFormat.EC;
        }
        if (key instanceof RSAKey) {
            return KeyFormat.RSA;
        }
        throw new IllegalArgumentException("not an EC or RSA key");
    }

    /**
     * The curve of an EC key.
     *
     * @throws IllegalArgumentException if the key is not an EC key on a supported curve
     */
    public static EcCurve curve(Key key) {
        return EcDomain.forKey(key).curve();
    }

    /**
     * The group order length of an EC key's curve: the length of its ECDSA {@code r} and {@code s} (32, 48, 66).
     *
     * @throws IllegalArgumentException if the key is not an EC key on a supported curve
     */
    public static int ecOrderLength(PublicKey key) {
        return curve(key).orderLength();
    }

    /** The group order length of a curve (32, 48, 66). */
    public static int ecOrderLength(EcCurve curve) {
        return curve.orderLength();
    }

    private static boolean isEc(KeyFormat format) {
        return switch (Objects.requireNonNull(format, "format")) {
            case EC -> true;
            case RSA -> false;
            case DERIVED_SECRET -> throw new IllegalArgumentException("a derived secret is not an asymmetric key");
        };
    }

    private static boolean ecMatches(ECPublicKey publicKey, ECPrivateKey privateKey) {
        EcDomain domain;
        try {
            domain = EcDomain.forKey(publicKey);
            if (EcDomain.forKey(privateKey) != domain) {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(domain.parameters().getG(), privateKey.getS()).normalize();
        return q.getAffineXCoord().toBigInteger().equals(publicKey.getW().getAffineX())
                && q.getAffineYCoord().toBigInteger().equals(publicKey.getW().getAffineY());
    }

    private static boolean rsaMatches(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        BigInteger n = publicKey.getModulus();
        if (!n.equals(privateKey.getModulus())) {
            return false;
        }
        if (privateKey instanceof RSAPrivateCrtKey crt) {
            return publicKey.getPublicExponent().equals(crt.getPublicExponent());
        }
        // Without CRT values the exponents can only be compared by using them: (2^e)^d must give 2 back.
        BigInteger two = BigInteger.TWO;
        return two.modPow(publicKey.getPublicExponent(), n).modPow(privateKey.getPrivateExponent(), n).equals(two);
    }
}
