package org.assure.dtls.internal.ec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class P256FieldTest {
    static final BigInteger P = BigInteger.TWO.pow(256).subtract(BigInteger.TWO.pow(224))
            .add(BigInteger.TWO.pow(192)).add(BigInteger.TWO.pow(96)).subtract(BigInteger.ONE);
    private static final BigInteger R = BigInteger.TWO.pow(260);
    private static final BigInteger R_INV = R.modInverse(P);

    /** The normal form of v (below 2^256). */
    static long[] limbs(BigInteger v) {
        long[] r = P256Field.create();
        P256Field.fromBytes(r, BigIntegers.asUnsignedByteArray(32, v), 0);
        assertNormal(r);
        return r;
    }

    static void assertNormal(long[] l) {
        assertThat(l).hasSize(5);
        for (long limb : l) {
            assertThat(limb).isBetween(-(1L << 51), (1L << 51) - 1);
        }
        assertThat(signedValue(l).abs()).isLessThan(BigInteger.TWO.pow(258));
    }

    static BigInteger signedValue(long[] l) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 4; i >= 0; i--) {
            v = v.shiftLeft(52).add(BigInteger.valueOf(l[i]));
        }
        return v;
    }

    /** The reduced value of a normal form, checking the invariant and that toBytes reduces. */
    static BigInteger value(long[] l) {
        assertNormal(l);
        byte[] out = new byte[32];
        P256Field.toBytes(l, out, 0);
        BigInteger v = new BigInteger(1, out);
        assertThat(v).isEqualTo(signedValue(l).mod(P));
        return v;
    }

    /** Edge operands (0, 1, p - 1, powers of two near limb and carry boundaries) and random ones. */
    private static List<BigInteger> operands(int random) {
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), BigInteger.TWO.pow(255),
                BigInteger.TWO.pow(224), BigInteger.TWO.pow(192), BigInteger.TWO.pow(128).subtract(BigInteger.ONE),
                BigInteger.TWO.pow(64).subtract(BigInteger.ONE), BigInteger.TWO.pow(64),
                BigInteger.TWO.pow(256).subtract(P),
                P.shiftRight(1), P.subtract(BigInteger.TWO.pow(96))));
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < random; i++) {
            byte[] b = new byte[32];
            rnd.nextBytes(b);
            // half of them with long runs of ones or zeros, where carries chain
            if (i % 2 == 0) {
                int from = rnd.nextInt(32);
                for (int j = from; j < Math.min(32, from + rnd.nextInt(16)); j++) {
                    b[j] = (byte) (i % 4 == 0 ? 0xFF : 0);
                }
            }
            values.add(new BigInteger(1, b).mod(P));
        }
        return values;
    }

    @Test
    void givenEdgeAndRandomOperands_whenMultipliedSquaredAddedSubtracted_thenBigIntegerAgrees() {
        List<BigInteger> xs = operands(150);
        long[] r = P256Field.create();
        for (BigInteger x : xs) {
            for (BigInteger y : xs) {
                P256Field.mul(r, limbs(x), limbs(y));
                assertThat(value(r)).as("mul %s %s", x, y).isEqualTo(x.multiply(y).multiply(R_INV).mod(P));
                P256Field.add(r, limbs(x), limbs(y));
                assertThat(value(r)).as("add %s %s", x, y).isEqualTo(x.add(y).mod(P));
                P256Field.sub(r, limbs(x), limbs(y));
                assertThat(value(r)).as("sub %s %s", x, y).isEqualTo(x.subtract(y).mod(P));
            }
            P256Field.sqr(r, limbs(x));
            assertThat(value(r)).as("sqr %s", x).isEqualTo(x.multiply(x).multiply(R_INV).mod(P));
        }
    }

    @Test
    void givenOperands_whenInverted_thenBigIntegerAgreesAndZeroStaysZero() {
        for (BigInteger x : operands(100)) {
            long[] r = P256Field.create();
            long[] mont = limbs(x.multiply(R).mod(P));
            P256Field.inv(r, mont);
            BigInteger expected = x.signum() == 0 ? BigInteger.ZERO : x.modInverse(P).multiply(R).mod(P);
            assertThat(value(r)).as("inv %s", x).isEqualTo(expected);
        }
    }

    @Test
    void givenOperands_whenConvertedToAndFromMontgomery_thenTheyRoundTrip() {
        for (BigInteger x : operands(50)) {
            long[] m = P256Field.create();
            P256Field.toMontgomery(m, limbs(x));
            assertThat(value(m)).isEqualTo(x.multiply(R).mod(P));
            P256Field.fromMontgomery(m, m);
            assertThat(value(m)).isEqualTo(x);
        }
    }

    @Test
    void givenRandomChainsOfOperations_whenRun_thenTheNormalFormHoldsAndBigIntegerAgrees() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<BigInteger> start = operands(20);
        for (int chain = 0; chain < 200; chain++) {
            long[] acc = limbs(start.get(rnd.nextInt(start.size())));
            BigInteger expected = value(acc);
            for (int step = 0; step < 200; step++) {
                BigInteger other = start.get(rnd.nextInt(start.size()));
                long[] o = limbs(other);
                switch (rnd.nextInt(9)) {
                    case 7 -> {
                        long[] lazy = P256Field.create();
                        P256Field.addLazy(lazy, acc, o);
                        P256Field.mul(acc, o, lazy);
                        expected = other.multiply(expected.add(other)).multiply(R_INV).mod(P);
                    }
                    case 8 -> {
                        long[] lazy = P256Field.create();
                        P256Field.subLazy(lazy, o, acc);
                        P256Field.mul(acc, acc, lazy);
                        expected = expected.multiply(other.subtract(expected)).multiply(R_INV).mod(P);
                    }
                    case 0 -> {
                        P256Field.mul(acc, acc, o);
                        expected = expected.multiply(other).multiply(R_INV).mod(P);
                    }
                    case 1 -> {
                        P256Field.sqr(acc, acc);
                        expected = expected.multiply(expected).multiply(R_INV).mod(P);
                    }
                    case 2 -> {
                        P256Field.add(acc, acc, acc);
                        expected = expected.shiftLeft(1).mod(P);
                    }
                    case 3 -> {
                        P256Field.sub(acc, o, acc);
                        expected = other.subtract(expected).mod(P);
                    }
                    case 4 -> {
                        P256Field.neg(acc, acc);
                        expected = expected.negate().mod(P);
                    }
                    case 5 -> {
                        int k = 1 + rnd.nextInt(16);
                        P256Field.mulSmall(acc, acc, k);
                        expected = expected.multiply(BigInteger.valueOf(k)).mod(P);
                    }
                    default -> {
                        P256Field.mul(acc, o, acc);
                        expected = expected.multiply(other).multiply(R_INV).mod(P);
                    }
                }
                assertThat(value(acc)).isEqualTo(expected);
            }
        }
    }

    @Test
    void givenExtremeNormalForms_whenOperatedOn_thenBigIntegerAgrees() {
        long h = 1L << 51;
        long[][] extremes = {{-h, -h, -h, -h, -(1L << 49)}, {h - 1, h - 1, h - 1, h - 1, 1L << 49},
            {-h, h - 1, -h, h - 1, -(1L << 48)}, {h - 1, -h, h - 1, -h, (1L << 49) - 1}, {0, 0, 0, 0, 1L << 48}};
        for (long[] a : extremes) {
            BigInteger av = signedValue(a);
            for (long[] b : extremes) {
                BigInteger bv = signedValue(b);
                long[] r = P256Field.create();
                P256Field.mul(r, a, b);
                assertThat(value(r)).isEqualTo(av.multiply(bv).multiply(R_INV).mod(P));
                P256Field.add(r, a, b);
                assertThat(value(r)).isEqualTo(av.add(bv).mod(P));
                P256Field.sub(r, a, b);
                assertThat(value(r)).isEqualTo(av.subtract(bv).mod(P));
            }
            long[] r = P256Field.create();
            P256Field.sqr(r, a);
            assertThat(value(r)).isEqualTo(av.multiply(av).multiply(R_INV).mod(P));
            for (long[] b : extremes) {
                BigInteger bv = signedValue(b);
                long[] lazy = P256Field.create();
                P256Field.addLazy(lazy, a, b);
                P256Field.mul(r, a, lazy);
                assertThat(value(r)).isEqualTo(av.multiply(av.add(bv)).multiply(R_INV).mod(P));
                P256Field.subLazy(lazy, a, b);
                P256Field.mul(r, b, lazy);
                assertThat(value(r)).isEqualTo(bv.multiply(av.subtract(bv)).multiply(R_INV).mod(P));
            }
            P256Field.mulSmall(r, a, 16);
            assertThat(value(r)).isEqualTo(av.shiftLeft(4).mod(P));
        }
    }

    @Test
    void givenResiduesWithSeveralRepresentations_whenCompared_thenTheMasksAreRight() {
        assertThat(P256Field.isZeroMask(P256Field.create())).isEqualTo(-1L);
        assertThat(P256Field.isZeroMask(limbs(P))).isEqualTo(-1L);
        assertThat(P256Field.isZeroMask(limbs(BigInteger.TWO.pow(200)))).isZero();
        assertThat(P256Field.equalMask(limbs(P.subtract(BigInteger.ONE)), limbs(P.subtract(BigInteger.ONE))))
                .isEqualTo(-1L);
        assertThat(P256Field.equalMask(limbs(BigInteger.ONE), limbs(BigInteger.TWO))).isZero();
        // different representations of the same residue, and near misses
        for (BigInteger x : operands(200)) {
            long[] a = limbs(x);
            long[] negated = P256Field.create();
            P256Field.neg(negated, a);
            long[] sum = P256Field.create();
            P256Field.add(sum, a, negated);
            assertThat(P256Field.isZeroMask(sum)).isEqualTo(-1L);
            assertThat(P256Field.isZeroMask(a)).isEqualTo(x.signum() == 0 ? -1L : 0L);
            if (x.add(P).bitLength() <= 256) {
                assertThat(P256Field.equalMask(a, limbs(x.add(P)))).isEqualTo(-1L);
                assertThat(P256Field.equalMask(a, limbs(x.add(P).subtract(BigInteger.ONE)))).isZero();
            }
            long[] twice = P256Field.create();
            P256Field.mulSmall(twice, a, 16);
            P256Field.sub(twice, twice, a);
            long[] fifteen = P256Field.create();
            P256Field.mulSmall(fifteen, a, 15);
            assertThat(P256Field.equalMask(twice, fifteen)).isEqualTo(-1L);
            assertThat(P256Field.equalMask(twice, a)).isEqualTo(x.signum() == 0 ? -1L : 0L);
        }
        assertThat(P256Field.lessThanMask(limbs64(P.subtract(BigInteger.ONE)), P256Field.P64)).isEqualTo(-1L);
        assertThat(P256Field.lessThanMask(limbs64(P), P256Field.P64)).isZero();
        assertThat(P256Field.lessThanMask(limbs64(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)),
                P256Field.P64)).isZero();
    }

    private static long[] limbs64(BigInteger v) {
        long[] r = new long[4];
        P256Field.fromBytes64(r, BigIntegers.asUnsignedByteArray(32, v), 0);
        return r;
    }
}
