package org.assure.dtls.internal;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The two signature schemes of the raw-key suites (RFC 5246 §7.4.1.4.1 / RFC 8446 code points):
 * ecdsa_secp256r1_sha256 (0x0403, {@link EcP256} on the engine's own P-256) and rsa_pkcs1_sha256 (0x0401, RSASSA-PKCS1-v1_5 on
 * BouncyCastle's blinded RSA). Both sign a SHA-256 hash the caller computed (the handshake keeps a running hash,
 * not the messages). Thread-safe.
 */
final class Signatures {
    static final int ECDSA_SECP256R1_SHA256 = 0x0403;
    static final int RSA_PKCS1_SHA256 = 0x0401;
    /** DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1). */
    private static final byte[] SHA256_DIGEST_INFO = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01,
        0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
    private static final int MIN_RSA_BITS = 2048;
    private static final KeyCache<PrivateKey, AsymmetricKeyParameter> RSA_KEYS = new KeyCache<>();

    private Signatures() {
    }

    private static final int KIND_NONE = 0;
    private static final int KIND_P256 = 1;
    private static final int KIND_RSA = 2;
    /** Own keys' kinds: asked several times per handshake, each time a DER parse and a point check otherwise. */
    private static final KeyCache<PublicKey, Integer> KINDS = new KeyCache<>();

    private static int kind(PublicKey key) {
        return KINDS.get(key, k -> {
            Object parsed = publicKey(k.getEncoded());
            return parsed instanceof EcP256.Point ? KIND_P256 : parsed instanceof RSAKeyParameters ? KIND_RSA : KIND_NONE;
        });
    }

    /** The scheme this side signs with for its raw key. */
    static int algorithmFor(PublicKey key) {
        return kind(key) == KIND_P256 ? ECDSA_SECP256R1_SHA256 : RSA_PKCS1_SHA256;
    }

    static boolean isP256(PublicKey key) {
        return kind(key) == KIND_P256;
    }

    static boolean isRsa(PublicKey key) {
        return kind(key) == KIND_RSA;
    }

    static byte[] sign(PrivateKey key, int algorithm, byte[] sha256) throws IOException {
        if (algorithm == ECDSA_SECP256R1_SHA256) {
            byte[] scalar = EcP256.privateKey(key);
            try {
                return EcP256.sign(scalar, sha256);
            } finally {
                Arrays.fill(scalar, (byte) 0);
            }
        }
        PKCS1Encoding rsa = new PKCS1Encoding(new RSABlindedEngine());
        rsa.init(true, rsaPrivateKey(key));
        byte[] digestInfo = digestInfo(sha256);
        try {
            return rsa.processBlock(digestInfo, 0, digestInfo.length);
        } catch (InvalidCipherTextException e) {
            throw new IOException("RSA signature failed", e);
        }
    }

    /**
     * @param key a peer key from {@link #publicKey}
     */
    static boolean verify(Object key, int algorithm, byte[] sha256, byte[] signature) {
        if (algorithm == ECDSA_SECP256R1_SHA256 && key instanceof EcP256.Point ec) {
            return EcP256.verify(ec, sha256, signature);
        }
        if (algorithm == RSA_PKCS1_SHA256 && key instanceof RSAKeyParameters rsaKey && !rsaKey.isPrivate()) {
            try {
                PKCS1Encoding rsa = new PKCS1Encoding(new RSABlindedEngine());
                rsa.init(false, rsaKey);
                byte[] recovered = rsa.processBlock(signature, 0, signature.length);
                return java.security.MessageDigest.isEqual(recovered, digestInfo(sha256));
            } catch (InvalidCipherTextException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    /** A peer's P-256 point or RSA (2048 bits or more) key from its SubjectPublicKeyInfo, or null. */
    static Object publicKey(byte[] spki) {
        EcP256.Point ec = EcP256.publicKey(spki);
        if (ec != null) {
            return ec;
        }
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
            if (key instanceof RSAKeyParameters rsa && !rsa.isPrivate() && rsa.getModulus().bitLength() >= MIN_RSA_BITS) {
                return rsa;
            }
        } catch (IOException | RuntimeException e) {
            // not a key we take
        }
        return null;
    }

    /** The scheme a peer key signs with. */
    static int algorithmOf(Object key) {
        return key instanceof EcP256.Point ? ECDSA_SECP256R1_SHA256 : RSA_PKCS1_SHA256;
    }

    private static byte[] digestInfo(byte[] sha256) {
        byte[] info = Arrays.copyOf(SHA256_DIGEST_INFO, SHA256_DIGEST_INFO.length + sha256.length);
        System.arraycopy(sha256, 0, info, SHA256_DIGEST_INFO.length, sha256.length);
        return info;
    }

    private static AsymmetricKeyParameter rsaPrivateKey(PrivateKey key) throws IOException {
        return RSA_KEYS.get(key, k -> {
            byte[] pkcs8 = k.getEncoded();
            try {
                AsymmetricKeyParameter parsed = PrivateKeyFactory.createKey(pkcs8);
                if (!(parsed instanceof RSAKeyParameters) || !parsed.isPrivate()) {
                    throw new IOException("not an RSA private key");
                }
                return parsed;
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        });
    }
}
