package org.assure.core.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;

import org.assure.core.crypto.internal.Digests;
import org.assure.core.crypto.internal.LightweightKeys;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SignatureFormat;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.util.BigIntegers;

/**
 * Signature values of draft §7.3 over a signing input the caller has built (PROFILE §3: the deterministic
 * encoding with the value fields emptied). ECDSA {@code r}/{@code s} are unsigned big-endian, left-padded to the
 * curve order length; RSA is PKCS#1 v1.5; HMAC is keyed with a (derived) secret.
 *
 * <p>Verification answers {@code false} for any value that is not a valid signature, including values of the
 * wrong length. A format of the wrong kind or a key of the wrong type is a programming error:
 * {@link IllegalArgumentException}.
 */
public final class Signatures {
    private Signatures() {
    }

    /**
     * ECDSA with the format's digest and a deterministic nonce (RFC 6979), so signing needs no random source and
     * a weak one cannot leak the key.
     *
     * @throws IllegalArgumentException if {@code format} is not an EC format or the key is not an EC private key
     *                                  on a supported curve
     */
    public static EcSignatureValue signEc(SignatureFormat format, PrivateKey key, byte[] input) {
        requireKind(format, SignatureFormat.Kind.EC);
        Objects.requireNonNull(input, "input");
        ECPrivateKeyParameters parameters = LightweightKeys.ecPrivate(key);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(Digests.create(format.digest())));
        signer.init(true, parameters);
        BigInteger[] rs = signer.generateSignature(Digests.digest(format.digest(), input));
        int length = orderLength(parameters.getParameters().getN());
        return new EcSignatureValue(Bytes.of(BigIntegers.asUnsignedByteArray(length, rs[0])),
                Bytes.of(BigIntegers.asUnsignedByteArray(length, rs[1])));
    }

    /**
     * Checks an ECDSA signature. {@code r} and {@code s} must each be exactly the curve order length and lie in
     * [1, n-1].
     *
     * @throws IllegalArgumentException if {@code format} is not an EC format or the key is not an EC public key on
     *                                  a supported curve
     */
    public static boolean verifyEc(SignatureFormat format, PublicKey key, byte[] input, Bytes r, Bytes s) {
        requireKind(format, SignatureFormat.Kind.EC);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
        ECPublicKeyParameters parameters = LightweightKeys.ecPublic(key);
        BigInteger n = parameters.getParameters().getN();
        int length = orderLength(n);
        if (r.length() != length || s.length() != length) {
            return false;
        }
        BigInteger rValue = new BigInteger(1, r.toByteArray());
        BigInteger sValue = new BigInteger(1, s.toByteArray());
        if (!inRange(rValue, n) || !inRange(sValue, n)) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, parameters);
        return verifier.verifySignature(Digests.digest(format.digest(), input), rValue, sValue);
    }

    /**
     * RSASSA-PKCS1-v1_5 with the format's digest; the value has the modulus length.
     *
     * @throws IllegalArgumentException if {@code format} is not an RSA format or the key is not an RSA private key
     */
    public static Bytes signRsa(SignatureFormat format, PrivateKey key, byte[] input) {
        requireKind(format, SignatureFormat.Kind.RSA);
        Objects.requireNonNull(input, "input");
        RSAKeyParameters parameters = LightweightKeys.rsaPrivate(key);
        RSADigestSigner signer = new RSADigestSigner(Digests.create(format.digest()));
        signer.init(true, parameters);
        signer.update(input, 0, input.length);
        try {
            return Bytes.of(signer.generateSignature());
        } catch (CryptoException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    /**
     * Checks an RSASSA-PKCS1-v1_5 signature, which must have exactly the modulus length.
     *
     * @throws IllegalArgumentException if {@code format} is not an RSA format or the key is not an RSA public key
     */
    public static boolean verifyRsa(SignatureFormat format, PublicKey key, byte[] input, Bytes s) {
        requireKind(format, SignatureFormat.Kind.RSA);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(s, "s");
        RSAKeyParameters parameters = LightweightKeys.rsaPublic(key);
        if (s.length() != (parameters.getModulus().bitLength() + 7) / 8) {
            return false;
        }
        RSADigestSigner verifier = new RSADigestSigner(Digests.create(format.digest()));
        verifier.init(false, parameters);
        verifier.update(input, 0, input.length);
        return verifier.verifySignature(s.toByteArray());
    }

    /**
     * HMAC with the format's digest, keyed with the secret.
     *
     * @throws IllegalArgumentException if {@code format} is not an HMAC format or the key is empty
     */
    public static Bytes hmac(SignatureFormat format, SecretBytes key, byte[] input) {
        requireKind(format, SignatureFormat.Kind.HMAC);
        Objects.requireNonNull(input, "input");
        return Bytes.of(mac(format, key, input));
    }

    /**
     * Checks an HMAC in constant time; a value of the wrong length is simply wrong.
     *
     * @throws IllegalArgumentException if {@code format} is not an HMAC format or the key is empty
     */
    public static boolean verifyHmac(SignatureFormat format, SecretBytes key, byte[] input, Bytes mac) {
        requireKind(format, SignatureFormat.Kind.HMAC);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(mac, "mac");
        byte[] expected = mac(format, key, input);
        return MessageDigest.isEqual(expected, mac.toByteArray());
    }

    private static byte[] mac(SignatureFormat format, SecretBytes key, byte[] input) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("HMAC key is empty");
        }
        HMac hmac = new HMac(Digests.create(format.digest()));
        byte[] keyBytes = key.toByteArray();
        KeyParameter keyParameter = new KeyParameter(keyBytes);
        Arrays.fill(keyBytes, (byte) 0);
        hmac.init(keyParameter);
        Arrays.fill(keyParameter.getKey(), (byte) 0);
        hmac.update(input, 0, input.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    private static void requireKind(SignatureFormat format, SignatureFormat.Kind kind) {
        Objects.requireNonNull(format, "format");
        if (format.kind() != kind) {
            throw new IllegalArgumentException(format.label() + " is not a " + kind + " signature format");
        }
    }

    private static int orderLength(BigInteger n) {
        return (n.bitLength() + 7) / 8;
    }

    private static boolean inRange(BigInteger value, BigInteger n) {
        return value.signum() > 0 && value.compareTo(n) < 0;
    }
}
