package org.assure.dtls.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import org.assure.dtls.internal.ec.P256;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.util.BigIntegers;

/**
 * The P-256 operations of an ECDHE handshake with raw keys, on the engine's own constant-time {@link P256}:
 * ephemeral keys and ECDH (secp256r1), deterministic ECDSA (RFC 6979) over a SHA-256 hash in DER form as TLS carries
 * it, and the decoding of raw keys. Thread-safe.
 */
final class EcP256 {
    static final int NAMED_GROUP = 23;
    private static final KeyCache<PrivateKey, byte[]> PRIVATE_KEYS = new KeyCache<>();

    private EcP256() {
    }

    /** A validated public point (65 bytes, uncompressed). */
    static final class Point {
        private final byte[] encoded;

        private Point(byte[] encoded) {
            this.encoded = encoded;
        }

        byte[] encoded() {
            return encoded.clone();
        }
    }

    static P256.KeyPair generate(SecureRandom random) {
        return P256.generateKeyPair(random);
    }

    /** An uncompressed point on the curve, or null. */
    static Point decodePoint(byte[] encoded) {
        return encoded != null && encoded.length == P256.POINT_LENGTH && P256.isValidPoint(encoded)
                ? new Point(encoded.clone()) : null;
    }

    /** The ECDH shared secret (x coordinate, 32 bytes). */
    static byte[] agree(P256.KeyPair own, Point peer) {
        byte[] scalar = own.privateKey();
        try {
            return P256.agree(scalar, peer.encoded);
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** DER ECDSA signature of a SHA-256 hash with a 32-byte private scalar. */
    static byte[] sign(byte[] scalar, byte[] hash) {
        byte[] rs = P256.sign(scalar, hash);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, P256.SCALAR_LENGTH));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, P256.SCALAR_LENGTH, 2 * P256.SCALAR_LENGTH));
        try {
            return StandardDSAEncoding.INSTANCE.encode(P256.N, r, s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(Point key, byte[] hash, byte[] der) {
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(P256.N, der);
            return P256.verify(key.encoded, hash, rs[0], rs[1]);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The DER of a P-256 SubjectPublicKeyInfo up to its uncompressed point (RFC 5480: id-ecPublicKey, secp256r1,
     * the BIT STRING header): how every raw P-256 key on the wire starts.
     */
    private static final byte[] SPKI_PREFIX = java.util.HexFormat.of()
            .parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    /** The P-256 point of a DER SubjectPublicKeyInfo, or null if it is not a P-256 EC key. */
    static Point publicKey(byte[] spki) {
        if (spki.length == SPKI_PREFIX.length + P256.POINT_LENGTH
                && Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            // The usual encoding, read without an ASN.1 parse.
            return decodePoint(Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length));
        }
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
            if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())
                    || !(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)
                    || !SECObjectIdentifiers.secp256r1.equals(curve)) {
                return null;
            }
            return decodePoint(info.getPublicKeyData().getOctets());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The 32-byte scalar of an own P-256 key (converted once per key object, bounded; a copy). */
    static byte[] privateKey(PrivateKey key) throws IOException {
        return PRIVATE_KEYS.get(key, k -> {
            byte[] pkcs8 = k.getEncoded();
            try {
                AsymmetricKeyParameter parsed = PrivateKeyFactory.createKey(pkcs8);
                if (!(parsed instanceof ECPrivateKeyParameters ec) || ec.getParameters().getN().compareTo(P256.N) != 0) {
                    throw new IOException("not a P-256 private key");
                }
                return BigIntegers.asUnsignedByteArray(P256.SCALAR_LENGTH, ec.getD());
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }).clone();
    }
}
