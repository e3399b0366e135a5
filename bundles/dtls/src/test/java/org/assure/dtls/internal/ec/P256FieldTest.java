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
    private static final BigInteger R = BigInteger.TWO.pow(256);
    private static final BigInteger R_INV = R.modInverse(P);

    static long[] limbs(BigInteger v) {
        long[] r = new long[4];
        P256Field.fromBytes(r, BigIntegers.asUnsignedByteArray(32, v), 0);
        return r;
    }

    static BigInteger value(long[] l) {
        byte[] out = new byte[32];
        P256Field.toBytes(l, out, 0);
        return new BigInteger(1, out);
    }

    /** Edge operands (0, 1, p - 1, powers of two near limb and carry boundaries) and random ones. */
    private static List<BigInteger> operands(int random) {
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), BigInteger.TWO.pow(255),
                BigInteger.TWO.pow(224), BigInteger.TWO.pow(192), BigInteger.TWO.pow(128).subtract(BigInteger.ONE),
                BigInteger.TWO.pow(64).subtract(BigInteger.ONE), BigInteger.TWO.pow(64), R.subtract(P),
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
    void montgomeryMultiplicationSquaringAdditionAndSubtractionMatchBigInteger() {
        List<BigInteger> xs = operands(300);
        long[] r = new long[4];
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
    void inversionIsFermatsAndZeroMapsToZero() {
        for (BigInteger x : operands(100)) {
            long[] r = new long[4];
            long[] mont = limbs(x.multiply(R).mod(P));
            P256Field.inv(r, mont);
            BigInteger expected = x.signum() == 0 ? BigInteger.ZERO : x.modInverse(P).multiply(R).mod(P);
            assertThat(value(r)).as("inv %s", x).isEqualTo(expected);
        }
    }

    @Test
    void montgomeryConversionRoundTrips() {
        for (BigInteger x : operands(50)) {
            long[] m = new long[4];
            P256Field.toMontgomery(m, limbs(x));
            assertThat(value(m)).isEqualTo(x.multiply(R).mod(P));
            P256Field.fromMontgomery(m, m);
            assertThat(value(m)).isEqualTo(x);
        }
    }

    @Test
    void masksAndComparison() {
        assertThat(P256Field.isZeroMask(new long[4])).isEqualTo(-1L);
        assertThat(P256Field.isZeroMask(limbs(BigInteger.TWO.pow(200)))).isZero();
        assertThat(P256Field.equalMask(limbs(P.subtract(BigInteger.ONE)), limbs(P.subtract(BigInteger.ONE))))
                .isEqualTo(-1L);
        assertThat(P256Field.equalMask(limbs(BigInteger.ONE), limbs(BigInteger.TWO))).isZero();
        assertThat(P256Field.lessThanMask(limbs(P.subtract(BigInteger.ONE)), P256Field.P)).isEqualTo(-1L);
        assertThat(P256Field.lessThanMask(limbs(P), P256Field.P)).isZero();
        assertThat(P256Field.lessThanMask(limbs(R.subtract(BigInteger.ONE)), P256Field.P)).isZero();
    }
}
