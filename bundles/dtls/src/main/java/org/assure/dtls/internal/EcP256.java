package org.assure.dtls.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * The P-256 operations of an ECDHE-ECDSA handshake: ephemeral keys, ECDH, deterministic ECDSA (RFC 6979) over a
 * hash, and key decoding. BouncyCastle's lightweight EC on its custom secp256r1 curve; the one class to swap for
 * a faster implementation. Thread-safe.
 */
final class EcP256 {
    static final int NAMED_GROUP = 23;
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH(), CURVE.getSeed());
    private static final int MAX_CACHED_KEYS = 256;
    private static final Map<PrivateKey, ECPrivateKeyParameters> PRIVATE_KEYS = new ConcurrentHashMap<>();

    private EcP256() {
    }

    static AsymmetricCipherKeyPair generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, random));
        return generator.generateKeyPair();
    }

    static byte[] encodePoint(ECPublicKeyParameters key) {
        return key.getQ().getEncoded(false);
    }

    /** An uncompressed point on the curve, or null. */
    static ECPublicKeyParameters decodePoint(byte[] encoded) {
        if (encoded.length != 65 || encoded[0] != 4) {
            return null;
        }
        try {
            ECPoint point = DOMAIN.getCurve().decodePoint(encoded);
            return new ECPublicKeyParameters(point, DOMAIN);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The ECDH shared secret (x coordinate, 32 bytes). */
    static byte[] agree(ECPrivateKeyParameters own, ECPublicKeyParameters peer) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(own);
        return BigIntegers.asUnsignedByteArray(32, agreement.calculateAgreement(peer));
    }

    /** DER ECDSA signature of a SHA-256 hash. */
    static byte[] sign(ECPrivateKeyParameters key, byte[] hash) {
        // RFC 6979 nonces; the HMAC's SHA-256 from the JDK (CPU SHA instructions) where available.
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(
                JdkSha256.available() ? JdkSha256.create() : new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(hash);
        try {
            return StandardDSAEncoding.INSTANCE.encode(DOMAIN.getN(), rs[0], rs[1]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(ECPublicKeyParameters key, byte[] hash, byte[] der) {
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(DOMAIN.getN(), der);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, key);
            return verifier.verifySignature(hash, rs[0], rs[1]);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A P-256 key from a DER SubjectPublicKeyInfo, or null if it is none. */
    static ECPublicKeyParameters publicKey(byte[] spki) {
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
            if (key instanceof ECPublicKeyParameters ec && ec.getParameters().getCurve().equals(DOMAIN.getCurve())) {
                return new ECPublicKeyParameters(ec.getQ(), DOMAIN);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The signing key of an own P-256 key pair (converted once per key, bounded). */
    static ECPrivateKeyParameters privateKey(PrivateKey key) throws IOException {
        ECPrivateKeyParameters cached = PRIVATE_KEYS.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] pkcs8 = key.getEncoded();
        try {
            AsymmetricKeyParameter parsed = PrivateKeyFactory.createKey(pkcs8);
            if (!(parsed instanceof ECPrivateKeyParameters ec) || !ec.getParameters().getCurve().equals(DOMAIN.getCurve())) {
                throw new IOException("not a P-256 private key");
            }
            ECPrivateKeyParameters result = new ECPrivateKeyParameters(ec.getD(), DOMAIN);
            if (PRIVATE_KEYS.size() >= MAX_CACHED_KEYS) {
                PRIVATE_KEYS.clear();
            }
            PRIVATE_KEYS.put(key, result);
            return result;
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    static boolean isP256(java.security.PublicKey key) {
        return publicKey(key.getEncoded()) != null;
    }
}
