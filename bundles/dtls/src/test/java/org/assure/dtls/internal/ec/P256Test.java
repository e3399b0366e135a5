package org.assure.dtls.internal.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class P256Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger P = P256FieldTest.P;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static List<String[]> vectors(String resource) throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                P256Test.class.getResourceAsStream("/vectors/ec/" + resource), StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.trim().split(" "));
                }
            }
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }

    private static byte[] hex(String s) {
        return "-".equals(s) ? new byte[0] : HEX.parseHex(s);
    }

    private static byte[] scalar(BigInteger k) {
        return BigIntegers.asUnsignedByteArray(32, k);
    }

    private static byte[] sha256(byte[] message) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(message);
    }

    private static BigInteger half(byte[] sig, int which) {
        int len = sig.length / 2;
        return new BigInteger(1, Arrays.copyOfRange(sig, which * len, (which + 1) * len));
    }

    @Test
    void givenRfc6979Key_whenSigningItsMessages_thenPublicKeyAndSignaturesAreTheRfcs() throws Exception {
        List<String[]> lines = vectors("rfc6979_p256_sha256.txt");
        String[] key = lines.get(0);
        byte[] priv = hex(key[1]);
        byte[] pub = hex("04" + key[2] + key[3]);
        assertThat(P256.publicKey(priv)).isEqualTo(pub);
        for (String[] line : lines.subList(1, lines.size())) {
            byte[] hash = sha256(line[1].getBytes(StandardCharsets.US_ASCII));
            byte[] sig = P256.sign(priv, hash);
            assertThat(HEX.formatHex(sig)).isEqualToIgnoringCase(line[2] + line[3]);
            assertThat(P256.verify(pub, hash, half(sig, 0), half(sig, 1))).isTrue();
        }
    }

    @Test
    void givenWycheproofEcdhVectors_whenAgreeing_thenValidOnesMatchAndInvalidPointsAreRefused() throws Exception {
        List<String[]> lines = vectors("wycheproof_ecdh_secp256r1_ecpoint.txt");
        assertThat(lines).hasSizeGreaterThan(40);
        for (String[] line : lines) {
            byte[] priv = scalar(new BigInteger(1, hex(line[2])));
            byte[] pub = hex(line[3]);
            if (line[1].equals("valid")) {
                assertThat(HEX.formatHex(P256.agree(priv, pub))).as("tcId %s", line[0]).isEqualTo(line[4]);
            } else {
                assertThatThrownBy(() -> P256.agree(priv, pub)).as("tcId %s", line[0])
                        .isInstanceOf(IllegalArgumentException.class);
                assertThat(P256.isValidPoint(pub)).isFalse();
            }
        }
    }

    @Test
    void givenWycheproofEcdsaVectors_whenVerifying_thenExactlyTheValidOnesVerify() throws Exception {
        List<String[]> lines = vectors("wycheproof_ecdsa_secp256r1_sha256_p1363.txt");
        for (String[] line : lines) {
            byte[] hash = sha256(hex(line[3]));
            byte[] sig = hex(line[4]);
            boolean valid = line[1].equals("valid");
            assertThat(P256.verify(hex(line[2]), hash, half(sig, 0), half(sig, 1))).as("tcId %s", line[0])
                    .isEqualTo(valid);
        }
    }

    /** Scalars where window recodings and carries are at their edges. */
    private static List<BigInteger> edgeScalars() {
        List<BigInteger> edges = new ArrayList<>();
        for (long small = 1; small <= 70; small++) {
            edges.add(BigInteger.valueOf(small));
            edges.add(N.subtract(BigInteger.valueOf(small)));
        }
        for (int bit = 0; bit < 256; bit++) {
            edges.add(BigInteger.TWO.pow(bit).mod(N));
            edges.add(BigInteger.TWO.pow(bit).subtract(BigInteger.ONE).mod(N));
        }
        edges.add(BigInteger.TWO.pow(256).subtract(N));
        edges.add(N.shiftRight(1));
        edges.add(N.shiftRight(1).add(BigInteger.ONE));
        // all ones in every 5- and 6-bit window, and the signed-digit boundaries 16/17 and 32/33
        edges.add(new BigInteger("7BDEF7BDEF7BDEF7BDEF7BDEF7BDEF7BDEF7BDEF7BDEF7BDEF7BDEF7BDEF7BDE", 16));
        edges.add(new BigInteger("820820820820820820820820820820820820820820820820820820820820820", 16));
        edges.add(new BigInteger("842108421084210842108421084210842108421084210842108421084210842", 16));
        edges.replaceAll(k -> k.mod(N));
        edges.removeIf(k -> k.signum() == 0);
        return edges;
    }

    @Test
    void givenEdgeAndRandomScalars_whenMultiplyingAgreeingSigning_thenResultsEqualBouncyCastles() throws Exception {
        List<BigInteger> scalars = edgeScalars();
        for (int i = 0; i < 1500; i++) {
            scalars.add(BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), RANDOM));
        }
        ECPoint peer = DOMAIN.getG().multiply(new BigInteger(255, RANDOM)).normalize();
        byte[] peerBytes = peer.getEncoded(false);
        byte[] generator = DOMAIN.getG().getEncoded(false);
        for (BigInteger k : scalars) {
            byte[] priv = scalar(k);
            ECPoint expected = DOMAIN.getG().multiply(k).normalize();
            byte[] pub = P256.publicKey(priv);
            assertThat(pub).as("k = %s", k).isEqualTo(expected.getEncoded(false));
            // ECDH against a random point, against G and against k G itself (the accumulator meets the table)
            assertThat(new BigInteger(1, P256.agree(priv, peerBytes))).as("agree k = %s", k)
                    .isEqualTo(peer.multiply(k).normalize().getAffineXCoord().toBigInteger());
            assertThat(P256.agree(priv, generator)).isEqualTo(scalar(expected.getAffineXCoord().toBigInteger()));
            assertThat(new BigInteger(1, P256.agree(priv, pub)))
                    .isEqualTo(expected.multiply(k).normalize().getAffineXCoord().toBigInteger());
        }
        for (BigInteger k : scalars.subList(0, 600)) {
            byte[] priv = scalar(k);
            byte[] hash = new byte[32];
            RANDOM.nextBytes(hash);
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, new ECPrivateKeyParameters(k, DOMAIN));
            BigInteger[] expected = signer.generateSignature(hash);
            byte[] sig = P256.sign(priv, hash);
            assertThat(half(sig, 0)).isEqualTo(expected[0]);
            assertThat(half(sig, 1)).isEqualTo(expected[1]);
            byte[] pub = P256.publicKey(priv);
            assertThat(P256.verify(pub, hash, expected[0], expected[1])).isTrue();
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(CURVE.getCurve().decodePoint(pub), DOMAIN));
            assertThat(verifier.verifySignature(hash, expected[0], expected[1])).isTrue();
            // a wrong hash, r, s or key fails
            byte[] other = hash.clone();
            other[31] ^= 1;
            assertThat(P256.verify(pub, other, expected[0], expected[1])).isFalse();
            assertThat(P256.verify(pub, hash, expected[0].add(BigInteger.ONE).mod(N), expected[1])).isFalse();
            assertThat(P256.verify(pub, hash, expected[0], expected[1].add(BigInteger.ONE).mod(N))).isFalse();
            // (r, n - s) is the other valid signature (ECDSA is malleable)
            assertThat(P256.verify(pub, hash, expected[0], N.subtract(expected[1]))).isTrue();
            assertThat(P256.verify(peerBytes, hash, expected[0], expected[1])).isFalse();
        }
    }

    @Test
    void givenHashesOfOtherLengths_whenSigningAndVerifying_thenTheyAreReadAsBouncyCastleDoes() {
        BigInteger k = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), RANDOM);
        byte[] pub = P256.publicKey(scalar(k));
        for (int length : new int[] {1, 20, 31, 33, 48, 64}) {
            byte[] hash = new byte[length];
            RANDOM.nextBytes(hash);
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, new ECPrivateKeyParameters(k, DOMAIN));
            BigInteger[] expected = signer.generateSignature(hash);
            byte[] sig = P256.sign(scalar(k), hash);
            assertThat(half(sig, 0)).isEqualTo(expected[0]);
            assertThat(half(sig, 1)).isEqualTo(expected[1]);
            assertThat(P256.verify(pub, hash, expected[0], expected[1])).isTrue();
        }
    }

    @Test
    void givenTwoGeneratedKeyPairs_whenAgreeing_thenAllAgreeAndToStringHidesTheKey() {
        P256.KeyPair a = P256.generateKeyPair(RANDOM);
        P256.KeyPair b = P256.generateKeyPair(RANDOM);
        assertThat(P256.agree(a.privateKey(), b.publicKey())).isEqualTo(P256.agree(b.privateKey(), a.publicKey()));
        assertThat(P256.publicKey(a.privateKey())).isEqualTo(a.publicKey());
        BigInteger d = new BigInteger(1, a.privateKey());
        assertThat(d).isPositive().isLessThan(N);
        assertThat(a.toString()).doesNotContain(HEX.formatHex(a.privateKey()))
                .doesNotContain(d.toString()).doesNotContain(d.toString(16));
        // BouncyCastle agrees with both
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(new ECPrivateKeyParameters(d, DOMAIN));
        BigInteger expected = agreement.calculateAgreement(new ECPublicKeyParameters(
                CURVE.getCurve().decodePoint(b.publicKey()), DOMAIN));
        assertThat(new BigInteger(1, P256.agree(a.privateKey(), b.publicKey()))).isEqualTo(expected);
        a.destroy();
        assertThat(a.privateKey()).containsOnly(0);
    }

    @Test
    void givenGarbagePoints_whenUsed_thenRefused() {
        byte[] good = P256.generateKeyPair(RANDOM).publicKey();
        byte[] priv = P256.generateKeyPair(RANDOM).privateKey();
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[0]);
        bad.add(new byte[] {0}); // SEC1 infinity
        bad.add(new byte[65]); // all zero
        bad.add(Arrays.copyOf(good, 64)); // truncated
        bad.add(Arrays.copyOf(good, 66)); // oversized
        bad.add(Arrays.copyOf(good, 33)); // just the x half
        for (int prefix : new int[] {0x00, 0x02, 0x03, 0x05, 0x06, 0x07, 0x84}) {
            byte[] p = good.clone();
            p[0] = (byte) prefix;
            bad.add(p);
        }
        byte[] offCurve = good.clone();
        offCurve[64] ^= 1;
        bad.add(offCurve);
        // x = p and y = p: coordinates not reduced (x = p would be x = 0 mod p)
        byte[] xIsP = good.clone();
        System.arraycopy(scalar(P), 0, xIsP, 1, 32);
        bad.add(xIsP);
        byte[] yPlusP = good.clone();
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(good, 33, 65));
        if (y.add(P).bitLength() <= 256) {
            System.arraycopy(scalar(y.add(P)), 0, yPlusP, 33, 32);
            bad.add(yPlusP);
        }
        byte[] allOnes = new byte[65];
        Arrays.fill(allOnes, (byte) 0xFF);
        allOnes[0] = 4;
        bad.add(allOnes);
        for (byte[] point : bad) {
            assertThat(P256.isValidPoint(point)).as(HEX.formatHex(point)).isFalse();
            assertThatThrownBy(() -> P256.agree(priv, point)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(HEX.formatHex(priv));
            assertThat(P256.verify(point, new byte[32], BigInteger.ONE, BigInteger.ONE)).isFalse();
        }
        assertThatThrownBy(() -> P256.agree(priv, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(P256.isValidPoint(good)).isTrue();
    }

    @Test
    void givenPrivateKeysOutOfRange_whenUsed_thenRefused() {
        byte[] pub = P256.generateKeyPair(RANDOM).publicKey();
        List<byte[]> bad = List.of(new byte[32], scalar(N), scalar(N.add(BigInteger.ONE)),
                scalar(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)), new byte[31], new byte[33]);
        for (byte[] priv : bad) {
            assertThatThrownBy(() -> P256.agree(priv, pub)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(HEX.formatHex(priv));
            assertThatThrownBy(() -> P256.sign(priv, new byte[32])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> P256.publicKey(priv)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> P256.sign(scalar(BigInteger.ONE), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenConcurrentFirstUsers_whenTheTableIsBuilt_thenAllGetTheRightPoints() throws Exception {
        // The JVM's class initialization guarantees it; this checks that concurrent first users all get the
        // right answers (another test may have built the table already).
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    BigInteger k = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE),
                            new SecureRandom());
                    return Arrays.equals(P256.publicKey(scalar(k)), DOMAIN.getG().multiply(k).getEncoded(false));
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Signatures whose R has an x coordinate in [n, p), so r = x - n: verification compares without inverting, so
     * it must also try (r + n) Z^2. Such an R is rare (about 2^-128) for real signatures; here the public key is made
     * to fit: for chosen R, e and s, Q = (s R - e G) / r verifies (r, s) over e.
     */
    @Test
    void givenAnRWithXAboveN_whenVerifying_thenTheSignatureVerifies() throws Exception {
        BigInteger x = N;
        ECPoint r = null;
        while (r == null) {
            byte[] compressed = new byte[33];
            compressed[0] = 2;
            System.arraycopy(scalar(x), 0, compressed, 1, 32);
            try {
                r = CURVE.getCurve().decodePoint(compressed);
            } catch (IllegalArgumentException notOnCurve) {
                x = x.add(BigInteger.ONE);
            }
        }
        assertThat(x).isGreaterThanOrEqualTo(N).isLessThan(P);
        BigInteger sigR = x.mod(N);
        for (int i = 0; i < 5; i++) {
            byte[] hash = new byte[32];
            RANDOM.nextBytes(hash);
            BigInteger e = new BigInteger(1, hash);
            BigInteger s = BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), RANDOM);
            BigInteger rInverse = sigR.modInverse(N);
            ECPoint q = r.multiply(s.multiply(rInverse).mod(N))
                    .subtract(DOMAIN.getG().multiply(e.multiply(rInverse).mod(N))).normalize();
            byte[] pub = q.getEncoded(false);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(q, DOMAIN));
            assertThat(verifier.verifySignature(hash, sigR, s)).isTrue();
            assertThat(P256.verify(pub, hash, sigR, s)).isTrue();
            assertThat(P256.verify(pub, hash, sigR, s.add(BigInteger.ONE))).isFalse();
        }
    }
}
