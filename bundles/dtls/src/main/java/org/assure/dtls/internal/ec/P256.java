package org.assure.dtls.internal.ec;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.assure.dtls.internal.JdkSha256;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * The engine's own NIST P-256 (secp256r1): key generation, ECDH, ECDSA signing and verification on byte arrays.
 *
 * <p>Why not BouncyCastle's: its 32-bit-limb arithmetic made the EC work of one RPK handshake (2 key generations,
 * 2 agreements, 2 signatures, 2 verifications) cost more than half of the handshake's CPU. This one uses
 * balanced 52-bit Montgomery limbs ({@link P256Field}), Jacobian coordinates ({@link Jacobian}), a precomputed
 * fixed-base table and signed fixed windows ({@link P256Multiply}).
 *
 * <p>Constant time: everything that touches a private scalar or a nonce (key generation, {@link #agree},
 * {@link #sign}) runs the same instruction sequence and memory accesses whatever the secret: no secret-dependent
 * branch or table index (tables are scanned in full through masks), no BigInteger in the point multiplication.
 * Two exceptions, both as in BouncyCastle and the JDK: ECDSA's arithmetic modulo n (s = k^-1 (e + r d)) uses
 * BigInteger, the inverse through BouncyCastle's constant-time {@code BigIntegers.modOddInverse}; and the RFC 6979
 * nonce comes from BouncyCastle's {@code HMacDSAKCalculator}, so signatures equal BouncyCastle's byte for byte.
 * {@link #verify} handles public data only and runs in variable time (width-5 NAF, direct table reads). Private
 * keys are 32-byte big-endian scalars in [1, n - 1]; public keys are SEC1 uncompressed points (65 bytes,
 * {@code 04 || x || y}). Bad input is refused with an {@link IllegalArgumentException} whose message names no
 * secret.
 */
public final class P256 {
    /** Length of a private scalar and of a coordinate. */
    public static final int SCALAR_LENGTH = 32;
    /** Length of an uncompressed SEC1 point. */
    public static final int POINT_LENGTH = 65;
    /** The group order n. */
    public static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger P_INTEGER = new BigInteger(
            "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16);
    private static final long[] N_LIMBS = {0xF3B9CAC2FC632551L, 0xBCE6FAADA7179E84L, 0xFFFFFFFFFFFFFFFFL,
        0xFFFFFFFF00000000L};

    private P256() {
    }

    /** A key pair: the private scalar and the public point, both as bytes (copies handed out). */
    public static final class KeyPair {
        private final byte[] privateKey;
        private final byte[] publicKey;

        KeyPair(byte[] privateKey, byte[] publicKey) {
            this.privateKey = privateKey;
            this.publicKey = publicKey;
        }

        /** The 32-byte big-endian private scalar (a copy; the caller should wipe it). */
        public byte[] privateKey() {
            return privateKey.clone();
        }

        /** The 65-byte uncompressed public point (a copy). */
        public byte[] publicKey() {
            return publicKey.clone();
        }

        /** Wipes the private scalar held here. */
        public void destroy() {
            Arrays.fill(privateKey, (byte) 0);
        }

        @Override
        public String toString() {
            return "P256.KeyPair[private=<hidden>]";
        }
    }

    /** Builds the fixed-base table now instead of on the first key generation or signature. */
    public static void precompute() {
        P256Multiply.precompute();
    }

    /** A fresh key pair: a uniform scalar in [1, n - 1] (rejection sampling) and its public point. */
    public static KeyPair generateKeyPair(SecureRandom random) {
        byte[] d = new byte[SCALAR_LENGTH];
        long[] k = new long[4];
        while (true) {
            random.nextBytes(d);
            P256Field.fromBytes64(k, d, 0);
            // Rejection leaks only that a candidate was out of range, not anything about the key kept.
            if ((validScalarMask(k)) != 0) {
                break;
            }
        }
        byte[] pub = publicPoint(k);
        Arrays.fill(k, 0L);
        return new KeyPair(d, pub);
    }

    /** The public point (65 bytes) of a private scalar. */
    public static byte[] publicKey(byte[] privateKey) {
        long[] k = scalar(privateKey);
        try {
            return publicPoint(k);
        } finally {
            Arrays.fill(k, 0L);
        }
    }

    private static byte[] publicPoint(long[] k) {
        Jacobian r = new Jacobian();
        P256Multiply.fixedBase(r, k);
        return encode(r);
    }

    /**
     * ECDH: the x coordinate (32 bytes) of privateKey * peer.
     *
     * @throws IllegalArgumentException if the peer's point is not a valid uncompressed P-256 point or the private
     *         key is not a scalar in [1, n - 1]
     */
    public static byte[] agree(byte[] privateKey, byte[] peerPoint) {
        Jacobian peer = decode(peerPoint);
        long[] k = scalar(privateKey);
        Jacobian r = new Jacobian();
        try {
            P256Multiply.variableBase(r, peer, k);
        } finally {
            Arrays.fill(k, 0L);
        }
        // n * P = infinity for every valid P, and k < n: the product is never infinity; checked anyway.
        if (r.isInfinityMask() != 0) {
            throw new IllegalStateException("P-256 agreement gave the point at infinity");
        }
        long[] x = P256Field.create();
        long[] y = P256Field.create();
        r.toAffine(x, y);
        P256Field.fromMontgomery(x, x);
        byte[] out = new byte[SCALAR_LENGTH];
        P256Field.toBytes(x, out, 0);
        return out;
    }

    /**
     * ECDSA signature of a message hash with RFC 6979 deterministic k over SHA-256 (as BouncyCastle's
     * {@code HMacDSAKCalculator(new SHA256Digest())} computes it; the HMAC runs on the JDK's SHA-256, which uses the
     * CPU's SHA instructions): r || s, 64 bytes.
     */
    public static byte[] sign(byte[] privateKey, byte[] hash) {
        return sign(privateKey, hash, JdkSha256.available() ? JdkSha256.create() : new SHA256Digest());
    }

    /**
     * As {@link #sign(byte[], byte[])} with the RFC 6979 HMAC over the given SHA-256 implementation (any correct
     * SHA-256 gives the same signature; the engine passes the JDK's, which uses the CPU's SHA instructions).
     */
    public static byte[] sign(byte[] privateKey, byte[] hash, Digest sha256) {
        if (hash == null || hash.length == 0) {
            throw new IllegalArgumentException("empty hash");
        }
        long[] dLimbs = scalar(privateKey);
        Arrays.fill(dLimbs, 0L);
        BigInteger d = new BigInteger(1, privateKey);
        BigInteger e = hashToInteger(hash);
        HMacDSAKCalculator kCalculator = new HMacDSAKCalculator(sha256);
        kCalculator.init(N, d, hash);
        byte[] kBytes = new byte[SCALAR_LENGTH];
        long[] k = new long[4];
        long[] x = P256Field.create();
        long[] y = P256Field.create();
        Jacobian point = new Jacobian();
        try {
            while (true) {
                BigInteger kInt = kCalculator.nextK();
                BigIntegers.asUnsignedByteArray(kInt, kBytes, 0, SCALAR_LENGTH);
                P256Field.fromBytes64(k, kBytes, 0);
                P256Multiply.fixedBase(point, k);
                point.toAffine(x, y);
                P256Field.fromMontgomery(x, x);
                byte[] xBytes = new byte[SCALAR_LENGTH];
                P256Field.toBytes(x, xBytes, 0);
                BigInteger r = new BigInteger(1, xBytes).mod(N);
                if (r.signum() == 0) {
                    continue;
                }
                BigInteger s = BigIntegers.modOddInverse(N, kInt).multiply(e.add(d.multiply(r))).mod(N);
                if (s.signum() == 0) {
                    continue;
                }
                byte[] out = new byte[2 * SCALAR_LENGTH];
                BigIntegers.asUnsignedByteArray(r, out, 0, SCALAR_LENGTH);
                BigIntegers.asUnsignedByteArray(s, out, SCALAR_LENGTH, SCALAR_LENGTH);
                return out;
            }
        } finally {
            Arrays.fill(kBytes, (byte) 0);
            Arrays.fill(k, 0L);
        }
    }

    /**
     * ECDSA verification of (r, s) over a message hash with a public point; false for any invalid signature, hash
     * or point (variable time: public data only).
     */
    public static boolean verify(byte[] publicPoint, byte[] hash, BigInteger r, BigInteger s) {
        if (hash == null || hash.length == 0 || r == null || s == null || r.signum() <= 0 || s.signum() <= 0
                || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        Jacobian q;
        try {
            q = decode(publicPoint);
        } catch (IllegalArgumentException e) {
            return false;
        }
        BigInteger e = hashToInteger(hash);
        BigInteger w = s.modInverse(N);
        long[] u1 = limbs(e.multiply(w).mod(N));
        long[] u2 = limbs(r.multiply(w).mod(N));
        Jacobian sum = new Jacobian();
        P256Multiply.fixedBase(sum, u1, false);
        Jacobian b = new Jacobian();
        P256Multiply.variableBaseVarTime(b, q, u2);
        // u1 G and u2 Q may be equal (or opposite): the complete addition
        sum.addComplete(b, new Jacobian());
        if (sum.isInfinityMask() != 0) {
            return false;
        }
        // x(R) mod n == r without an inversion: X == r Z^2, or (r + n) Z^2 when r + n < p
        long[] z2 = P256Field.create();
        P256Field.sqr(z2, sum.z);
        if (xEquals(sum.x, z2, r)) {
            return true;
        }
        BigInteger rPlusN = r.add(N);
        return rPlusN.compareTo(P_INTEGER) < 0 && xEquals(sum.x, z2, rPlusN);
    }

    /** Whether X == v Z^2 (mod p), all in Montgomery form but v, a plain integer below p. */
    private static boolean xEquals(long[] x, long[] z2, BigInteger v) {
        long[] candidate = P256Field.create();
        P256Field.fromBytes(candidate, BigIntegers.asUnsignedByteArray(SCALAR_LENGTH, v), 0);
        P256Field.toMontgomery(candidate, candidate);
        P256Field.mul(candidate, candidate, z2);
        return P256Field.equalMask(candidate, x) != 0;
    }

    /** Whether the bytes are a valid uncompressed P-256 point (on the curve, coordinates below p, not infinity). */
    public static boolean isValidPoint(byte[] encoded) {
        try {
            decode(encoded);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The hash as an integer the way ECDSA (and BouncyCastle) reads it: its leftmost 256 bits. */
    private static BigInteger hashToInteger(byte[] hash) {
        BigInteger e = new BigInteger(1, hash);
        int excess = hash.length * 8 - 256;
        return excess > 0 ? e.shiftRight(excess) : e;
    }

    private static long[] limbs(BigInteger v) {
        byte[] bytes = BigIntegers.asUnsignedByteArray(SCALAR_LENGTH, v);
        long[] l = new long[4];
        P256Field.fromBytes64(l, bytes, 0);
        return l;
    }

    /** -1 if 1 <= k < n, else 0, in constant time. */
    private static long validScalarMask(long[] k) {
        long x = k[0] | k[1] | k[2] | k[3];
        return P256Field.lessThanMask(k, N_LIMBS) & ((x | -x) >> 63);
    }

    private static long[] scalar(byte[] privateKey) {
        if (privateKey == null || privateKey.length != SCALAR_LENGTH) {
            throw new IllegalArgumentException("a P-256 private key is 32 bytes");
        }
        long[] k = new long[4];
        P256Field.fromBytes64(k, privateKey, 0);
        if (validScalarMask(k) == 0) {
            Arrays.fill(k, 0L);
            throw new IllegalArgumentException("P-256 private key out of range");
        }
        return k;
    }

    /** Decodes and validates an uncompressed point. */
    static Jacobian decode(byte[] encoded) {
        if (encoded == null || encoded.length != POINT_LENGTH || encoded[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
        long[] x64 = new long[4];
        long[] y64 = new long[4];
        P256Field.fromBytes64(x64, encoded, 1);
        P256Field.fromBytes64(y64, encoded, 1 + SCALAR_LENGTH);
        if (P256Field.lessThanMask(x64, P256Field.P64) == 0 || P256Field.lessThanMask(y64, P256Field.P64) == 0) {
            throw new IllegalArgumentException("P-256 point coordinate not below p");
        }
        long[] x = P256Field.create();
        long[] y = P256Field.create();
        P256Field.fromPlain64(x, x64);
        P256Field.fromPlain64(y, y64);
        P256Field.toMontgomery(x, x);
        P256Field.toMontgomery(y, y);
        // y^2 == x^3 - 3x + b
        long[] lhs = P256Field.create();
        long[] rhs = P256Field.create();
        long[] t = P256Field.create();
        P256Field.sqr(lhs, y);
        P256Field.sqr(rhs, x);
        P256Field.mul(rhs, rhs, x);
        P256Field.mulSmall(t, x, 3);
        P256Field.sub(rhs, rhs, t);
        P256Field.add(rhs, rhs, P256Field.B);
        if (P256Field.equalMask(lhs, rhs) == 0) {
            throw new IllegalArgumentException("point not on P-256");
        }
        Jacobian p = new Jacobian();
        p.setAffine(x, y);
        return p;
    }

    private static byte[] encode(Jacobian r) {
        long[] x = P256Field.create();
        long[] y = P256Field.create();
        r.toAffine(x, y);
        P256Field.fromMontgomery(x, x);
        P256Field.fromMontgomery(y, y);
        byte[] out = new byte[POINT_LENGTH];
        out[0] = 0x04;
        P256Field.toBytes(x, out, 1);
        P256Field.toBytes(y, out, 1 + SCALAR_LENGTH);
        return out;
    }
}
