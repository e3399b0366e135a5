package org.assure.core.crypto.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;

import org.assure.core.crypto.CryptoException;
import org.assure.core.error.ErrorKind;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * DER SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo for the keys of PROFILE §3, checked strictly: exact DER,
 * a named supported curve, a valid point, a private scalar in range, an RSA modulus of a supported size.
 */
public final class KeyCodec {
    /** PROFILE §3 allows RSA from 2048 bits; above 8192 bits verification cost becomes a denial-of-service lever. */
    public static final int RSA_MIN_BITS = 2048;
    public static final int RSA_MAX_BITS = 8192;
    /** NIST SP 800-56B caps the public exponent below 2^256; larger exponents only slow verification down. */
    private static final int RSA_MAX_EXPONENT_BITS = 256;

    private KeyCodec() {
    }

    /** Parses an EC or RSA public key (draft §7.2 {@code public_key}). */
    public static PublicKey parsePublic(boolean ec, byte[] der) throws CryptoException {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(parseDer(der));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw malformed("public key is not a SubjectPublicKeyInfo", e);
        }
        return ec ? parseEcPublic(info, der) : parseRsaPublic(info);
    }

    /** Parses an EC or RSA private key (draft §7.2 {@code private_key}); the caller clears {@code der}. */
    public static PrivateKey parsePrivate(boolean ec, byte[] der) throws CryptoException {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(parseDer(der));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw malformed("private key is not a PKCS#8 PrivateKeyInfo", e);
        }
        return ec ? parseEcPrivate(info, der) : parseRsaPrivate(info, der);
    }

    /** Canonical DER SubjectPublicKeyInfo: named curve and uncompressed point, or rsaEncryption with NULL. */
    public static byte[] encodePublic(PublicKey key) {
        try {
            if (key instanceof ECPublicKey ec) {
                EcDomain domain = EcDomain.forKey(ec);
                return ecSpki(domain, domain.point(ec.getW()).getEncoded(false));
            }
            if (key instanceof java.security.interfaces.RSAPublicKey rsa) {
                return new SubjectPublicKeyInfo(rsaAlgorithm(), new RSAPublicKey(rsa.getModulus(), rsa.getPublicExponent()))
                        .getEncoded(ASN1Encoding.DER);
            }
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
        throw new IllegalArgumentException("not an EC or RSA public key");
    }

    /** Canonical DER PKCS#8 (version 0); EC keys carry their public point, RSA keys all CRT values. */
    public static byte[] encodePrivate(PrivateKey key) {
        try {
            if (key instanceof ECPrivateKey ec) {
                EcDomain domain = EcDomain.forKey(ec);
                BigInteger d = ec.getS();
                ECPoint q = new FixedPointCombMultiplier().multiply(domain.parameters().getG(), d);
                return ecPkcs8(domain, d, q.getEncoded(false));
            }
            if (key instanceof RSAPrivateCrtKey rsa) {
                var inner = new RSAPrivateKey(rsa.getModulus(), rsa.getPublicExponent(), rsa.getPrivateExponent(),
                        rsa.getPrimeP(), rsa.getPrimeQ(), rsa.getPrimeExponentP(), rsa.getPrimeExponentQ(),
                        rsa.getCrtCoefficient());
                return new PrivateKeyInfo(rsaAlgorithm(), inner).getEncoded(ASN1Encoding.DER);
            }
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
        throw new IllegalArgumentException("not an EC private key or an RSA private key with CRT values");
    }

    /** DER SubjectPublicKeyInfo of the encoded point {@code q} on {@code domain}. */
    public static byte[] ecSpki(EcDomain domain, byte[] q) {
        try {
            return new SubjectPublicKeyInfo(ecAlgorithm(domain), q).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }

    /** DER PKCS#8 of the private scalar {@code d} with its encoded public point {@code q}. */
    public static byte[] ecPkcs8(EcDomain domain, BigInteger d, byte[] q) {
        var inner = new org.bouncycastle.asn1.sec.ECPrivateKey(domain.order().bitLength(), d, new DERBitString(q), null);
        try {
            return new PrivateKeyInfo(ecAlgorithm(domain), inner).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }

    private static PublicKey parseEcPublic(SubjectPublicKeyInfo info, byte[] der) throws CryptoException {
        EcDomain domain = ecDomain(info.getAlgorithm());
        try {
            domain.decodePoint(info.getPublicKeyData().getOctets());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw malformed("EC public key is not a valid curve point", e);
        }
        try {
            return BouncyCastle.ecKeyFactory().generatePublic(new java.security.spec.X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw malformed("EC public key rejected", e);
        }
    }

    private static PublicKey parseRsaPublic(SubjectPublicKeyInfo info) throws CryptoException {
        checkRsaAlgorithm(info.getAlgorithm());
        RSAPublicKey rsa;
        try {
            rsa = RSAPublicKey.getInstance(info.parsePublicKey());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw malformed("RSA public key is not an RSAPublicKey", e);
        }
        checkRsaPublic(rsa.getModulus(), rsa.getPublicExponent());
        try {
            return BouncyCastle.rsaKeyFactory().generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw malformed("RSA public key rejected", e);
        }
    }

    private static PrivateKey parseEcPrivate(PrivateKeyInfo info, byte[] der) throws CryptoException {
        EcDomain domain = ecDomain(info.getPrivateKeyAlgorithm());
        org.bouncycastle.asn1.sec.ECPrivateKey inner;
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(info.parsePrivateKey());
            checkEcPrivateKeyShape(sequence);
            inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(sequence);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // No cause: the parser's message could quote key bytes.
            throw malformed("EC private key is not an ECPrivateKey");
        }
        ASN1Encodable innerCurve = inner.getParametersObject();
        if (innerCurve != null && !domain.oid().equals(innerCurve)) {
            throw malformed("EC private key names two curves");
        }
        BigInteger d = inner.getKey();
        if (d.signum() <= 0 || d.compareTo(domain.order()) >= 0) {
            throw malformed("EC private key is out of range");
        }
        ASN1BitString embedded = inner.getPublicKey();
        if (embedded != null) {
            ECPoint q = new FixedPointCombMultiplier().multiply(domain.parameters().getG(), d);
            if (!Arrays.equals(embedded.getBytes(), q.getEncoded(false)) && !Arrays.equals(embedded.getBytes(), q.getEncoded(true))) {
                throw malformed("EC private key does not match its public key");
            }
        }
        try {
            return BouncyCastle.ecKeyFactory().generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw malformed("EC private key rejected");
        }
    }

    /**
     * RFC 5915 §3: version 1, the key octets, then optionally [0] parameters and [1] publicKey in that order. The
     * library parser skips anything else; here anything else is malformed.
     */
    private static void checkEcPrivateKeyShape(ASN1Sequence sequence) {
        if (sequence.size() < 2 || sequence.size() > 4
                || !BigInteger.ONE.equals(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue())
                || !(sequence.getObjectAt(1) instanceof ASN1OctetString)) {
            throw new IllegalArgumentException("not an RFC 5915 ECPrivateKey");
        }
        int lastTag = -1;
        for (int i = 2; i < sequence.size(); i++) {
            if (!(sequence.getObjectAt(i) instanceof ASN1TaggedObject tagged) || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC
                    || tagged.getTagNo() > 1 || tagged.getTagNo() <= lastTag) {
                throw new IllegalArgumentException("not an RFC 5915 ECPrivateKey");
            }
            lastTag = tagged.getTagNo();
        }
    }

    private static PrivateKey parseRsaPrivate(PrivateKeyInfo info, byte[] der) throws CryptoException {
        checkRsaAlgorithm(info.getPrivateKeyAlgorithm());
        RSAPrivateKey rsa;
        try {
            rsa = RSAPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw malformed("RSA private key is not an RSAPrivateKey");
        }
        checkRsaPublic(rsa.getModulus(), rsa.getPublicExponent());
        if (!rsa.getPrime1().multiply(rsa.getPrime2()).equals(rsa.getModulus())) {
            throw malformed("RSA private key is inconsistent");
        }
        try {
            return BouncyCastle.rsaKeyFactory().generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw malformed("RSA private key rejected");
        }
    }

    private static EcDomain ecDomain(AlgorithmIdentifier algorithm) throws CryptoException {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            throw malformed("key is not an EC key");
        }
        ASN1Encodable parameters = algorithm.getParameters();
        if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
            // Explicit curve parameters and implicitlyCA are not allowed by RFC 5480 for new keys.
            throw new CryptoException(ErrorKind.NOT_IMPLEMENTED, "EC key without a named curve");
        }
        return EcDomain.forOid(curve)
                .orElseThrow(() -> new CryptoException(ErrorKind.NOT_IMPLEMENTED, "EC curve not supported"));
    }

    private static void checkRsaAlgorithm(AlgorithmIdentifier algorithm) throws CryptoException {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(algorithm.getAlgorithm())) {
            throw malformed("key is not an RSA key");
        }
        ASN1Encodable parameters = algorithm.getParameters();
        if (parameters != null && !DERNull.INSTANCE.equals(parameters)) {
            throw malformed("RSA key algorithm has parameters");
        }
    }

    private static void checkRsaPublic(BigInteger n, BigInteger e) throws CryptoException {
        if (n.signum() <= 0 || !n.testBit(0) || e.signum() <= 0 || !e.testBit(0) || e.bitLength() < 2 || e.compareTo(n) >= 0) {
            throw malformed("RSA key values are invalid");
        }
        if (n.bitLength() < RSA_MIN_BITS || n.bitLength() > RSA_MAX_BITS || e.bitLength() > RSA_MAX_EXPONENT_BITS) {
            throw new CryptoException(ErrorKind.NOT_IMPLEMENTED, "RSA key size not supported");
        }
    }

    /** One DER value and nothing after it; BER alternatives are refused so that key bytes are canonical. */
    private static ASN1Primitive parseDer(byte[] der) throws CryptoException {
        ASN1Primitive primitive;
        try {
            primitive = ASN1Primitive.fromByteArray(der);
            if (primitive == null || !Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), der)) {
                throw malformed("key is not DER");
            }
        } catch (IOException | RuntimeException e) {
            throw malformed("key is not DER");
        }
        return primitive;
    }

    private static AlgorithmIdentifier ecAlgorithm(EcDomain domain) {
        return new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, domain.oid());
    }

    private static AlgorithmIdentifier rsaAlgorithm() {
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
    }

    private static CryptoException malformed(String message) {
        return new CryptoException(ErrorKind.MALFORMED, message);
    }

    private static CryptoException malformed(String message, Throwable cause) {
        return new CryptoException(ErrorKind.MALFORMED, message, cause);
    }
}
