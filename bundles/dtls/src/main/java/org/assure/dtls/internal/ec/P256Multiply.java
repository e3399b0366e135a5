package org.assure.dtls.internal.ec;

/**
 * Constant-time scalar multiplications on P-256: k * G from a precomputed table and k * P for any point, both
 * with signed fixed windows, so the sequence of operations is the same for every scalar and every table entry is
 * read (through masks) whatever digit is wanted.
 *
 * <p>Fixed base: the scalar is recoded into 43 signed digits d_j in [-32, 32] (6-bit windows), and k * G is the
 * sum of d_j * 2^(6j) * G, each term looked up among 32 affine points per window (precomputed once, lazily, on
 * first use: 43 * 32 points, 110 KiB) and negated in constant time when d_j is negative: 43 mixed additions, no
 * doubling. Why these cannot hit the equal-points case of the incomplete addition: before window j the accumulator
 * is S * G with |S| < 2^(6j) (signed digits) while the term is d * 2^(6j) * G with |d| >= 1, and both |S - d 2^(6j)|
 * and |S + d 2^(6j)| stay below n until the last window; the last window uses the complete addition.
 *
 * <p>Variable base: a table of 1..16 times P (Jacobian), the scalar recoded into 52 signed digits in [-16, 16]
 * (5-bit windows), 255 doublings and 52 additions. The accumulator before an addition is 32 S * P with S the value
 * of the digits above, whose absolute value is below n, so it can equal the added d * P (|d| <= 16) only when both
 * are infinity, which the addition handles; again the last addition is the complete one.
 */
final class P256Multiply {
    private static final int FIXED_W = 6;
    private static final int FIXED_WINDOWS = 43;
    private static final int FIXED_ENTRIES = 1 << (FIXED_W - 1);
    private static final int VAR_W = 5;
    private static final int VAR_WINDOWS = 52;
    private static final int VAR_ENTRIES = 1 << (VAR_W - 1);
    private static final int L = P256Field.LIMBS;
    private static final int AFFINE = 2 * L;
    private static final int JACOBIAN = 3 * L;

    /** The generator's affine coordinates, Montgomery form. */
    static final long[] GX = P256Field.create();
    static final long[] GY = P256Field.create();

    static {
        long[] gx = {0xF4A13945D898C296L, 0x77037D812DEB33A0L, 0xF8BCE6E563A440F2L, 0x6B17D1F2E12C4247L};
        long[] gy = {0xCBB6406837BF51F5L, 0x2BCE33576B315ECEL, 0x8EE7EB4A7C0F9E16L, 0x4FE342E2FE1A7F9BL};
        P256Field.fromPlain64(GX, gx);
        P256Field.fromPlain64(GY, gy);
        P256Field.toMontgomery(GX, GX);
        P256Field.toMontgomery(GY, GY);
    }

    private P256Multiply() {
    }

    /** The fixed-base table, built on first use (class initialization is thread safe and happens once). */
    private static final class FixedTable {
        /** [window][entry * 10 + 0..4 = x, + 5..9 = y], entry m holding (m + 1) * 2^(6 window) * G. */
        static final long[][] TABLE = build();

        private static long[][] build() {
            long[][] table = new long[FIXED_WINDOWS][FIXED_ENTRIES * AFFINE];
            Jacobian base = new Jacobian();
            base.setAffine(GX, GY);
            Jacobian acc = new Jacobian();
            Jacobian scratch = new Jacobian();
            long[] ax = P256Field.create();
            long[] ay = P256Field.create();
            for (int w = 0; w < FIXED_WINDOWS; w++) {
                acc.set(base);
                for (int m = 0; m < FIXED_ENTRIES; m++) {
                    if (m > 0) {
                        acc.addComplete(base, scratch);
                    }
                    acc.toAffine(ax, ay);
                    System.arraycopy(ax, 0, table[w], m * AFFINE, L);
                    System.arraycopy(ay, 0, table[w], m * AFFINE + L, L);
                }
                for (int i = 0; i < FIXED_W; i++) {
                    base.dbl();
                }
            }
            return table;
        }
    }

    /** Forces the fixed-base table to be built now (warm-up). */
    static void precompute() {
        if (FixedTable.TABLE.length != FIXED_WINDOWS) {
            throw new IllegalStateException();
        }
    }

    /** Bits [pos, pos + w) of the little-endian limbs k (positions are public, only values secret). */
    private static int bits(long[] k, int pos, int w) {
        int limb = pos >>> 6;
        int shift = pos & 63;
        if (limb >= 4) {
            return 0;
        }
        long v = k[limb] >>> shift;
        if (shift + w > 64 && limb + 1 < 4) {
            v |= k[limb + 1] << (64 - shift);
        }
        return (int) (v & ((1 << w) - 1));
    }

    /** Signed digits d_j in [-2^(w-1), 2^(w-1)] with k = sum d_j 2^(w j), computed without branches. */
    static int[] recode(long[] k, int w, int windows) {
        int[] digits = new int[windows];
        int carry = 0;
        int half = 1 << (w - 1);
        for (int j = 0; j < windows; j++) {
            int v = bits(k, w * j, w) + carry;
            carry = (half - v) >>> 31;
            digits[j] = v - (carry << w);
        }
        return digits;
    }

    /** -1L if a == b (small non-negative ints), else 0, without branches. */
    private static long eqMask(int a, int b) {
        long x = a ^ b;
        return ~((x | -x) >> 63);
    }

    /** r = k * G for k (plain little-endian limbs) in [0, 2^256), in constant time. */
    static void fixedBase(Jacobian r, long[] k) {
        fixedBase(r, k, true);
    }

    /**
     * r = k * G; with {@code constantTime} false (public scalars only: verification) the table entry is read
     * directly instead of by scanning the window's whole table.
     */
    static void fixedBase(Jacobian r, long[] k, boolean constantTime) {
        long[][] table = FixedTable.TABLE;
        int[] digits = recode(k, FIXED_W, FIXED_WINDOWS);
        long[] ax = P256Field.create();
        long[] ay = P256Field.create();
        long[] negY = P256Field.create();
        Jacobian saved = new Jacobian();
        Jacobian scratch = new Jacobian();
        r.setInfinity();
        // -1 while every digit so far was 0 (r is infinity): a non-zero term never cancels the smaller accumulator
        long infinity = -1L;
        for (int j = 0; j < FIXED_WINDOWS; j++) {
            int d = digits[j];
            int sign = d >> 31;
            int abs = (d ^ sign) - sign;
            long[] t = table[j];
            if (constantTime) {
                // every entry read, the wanted one kept by its mask; accumulated in locals, stored once
                long x0 = 0, x1 = 0, x2 = 0, x3 = 0, x4 = 0, y0 = 0, y1 = 0, y2 = 0, y3 = 0, y4 = 0;
                for (int m = 0; m < FIXED_ENTRIES; m++) {
                    long mask = eqMask(m + 1, abs);
                    int o = m * AFFINE;
                    x0 |= t[o] & mask;
                    x1 |= t[o + 1] & mask;
                    x2 |= t[o + 2] & mask;
                    x3 |= t[o + 3] & mask;
                    x4 |= t[o + 4] & mask;
                    y0 |= t[o + 5] & mask;
                    y1 |= t[o + 6] & mask;
                    y2 |= t[o + 7] & mask;
                    y3 |= t[o + 8] & mask;
                    y4 |= t[o + 9] & mask;
                }
                ax[0] = x0;
                ax[1] = x1;
                ax[2] = x2;
                ax[3] = x3;
                ax[4] = x4;
                ay[0] = y0;
                ay[1] = y1;
                ay[2] = y2;
                ay[3] = y3;
                ay[4] = y4;
            } else if (abs != 0) {
                System.arraycopy(t, (abs - 1) * AFFINE, ax, 0, L);
                System.arraycopy(t, (abs - 1) * AFFINE + L, ay, 0, L);
            } else {
                java.util.Arrays.fill(ax, 0L);
                java.util.Arrays.fill(ay, 0L);
            }
            P256Field.neg(negY, ay);
            P256Field.select(ay, negY, sign);
            long zeroDigit = eqMask(0, abs);
            if (j < FIXED_WINDOWS - 1) {
                saved.set(r);
                r.addAffine(ax, ay, infinity);
                r.select(saved, zeroDigit);
                infinity &= zeroDigit;
            } else {
                saved.setAffine(ax, ay);
                P256Field.select(saved.z, P256Field.create(), zeroDigit);
                r.addComplete(saved, scratch);
            }
        }
    }

    /** r = k * p for k (plain little-endian limbs) in [0, 2^256) and p any point. r may not be p. */
    static void variableBase(Jacobian r, Jacobian p, long[] k) {
        // table[m] = (m + 1) * p, Jacobian, 12 longs each
        long[] table = new long[VAR_ENTRIES * JACOBIAN];
        // Even multiples by doubling (exact for every point), odd ones as the even one below plus p (never equal
        // points: 2i p = p only if p is infinity): 7 doublings and 8 additions instead of 1 and 14.
        Jacobian[] multiples = new Jacobian[VAR_ENTRIES];
        for (int m = 0; m < VAR_ENTRIES; m++) {
            Jacobian acc = new Jacobian();
            int multiple = m + 1;
            if (multiple == 1) {
                acc.set(p);
            } else if (multiple % 2 == 0) {
                acc.set(multiples[multiple / 2 - 1]);
                acc.dbl();
            } else {
                acc.set(multiples[multiple - 2]);
                acc.addPoint(p);
            }
            multiples[m] = acc;
            System.arraycopy(acc.x, 0, table, m * JACOBIAN, L);
            System.arraycopy(acc.y, 0, table, m * JACOBIAN + L, L);
            System.arraycopy(acc.z, 0, table, m * JACOBIAN + 2 * L, L);
        }
        Jacobian scratch = new Jacobian();
        int[] digits = recode(k, VAR_W, VAR_WINDOWS);
        Jacobian q = new Jacobian();
        long[] negY = P256Field.create();
        // -1 while every digit so far was 0 (r is infinity): 32 S p with S != 0 never cancels d p, |d| <= 16
        long infinity = -1L;
        for (int j = VAR_WINDOWS - 1; j >= 0; j--) {
            int d = digits[j];
            int sign = d >> 31;
            int abs = (d ^ sign) - sign;
            lookup(table, abs, q);
            // digit 0 selected nothing: z = 0, infinity
            P256Field.neg(negY, q.y);
            P256Field.select(q.y, negY, sign);
            long zeroDigit = eqMask(0, abs);
            if (j == VAR_WINDOWS - 1) {
                r.set(q);
                infinity = zeroDigit;
                continue;
            }
            for (int i = 0; i < VAR_W; i++) {
                r.dbl();
            }
            if (j > 0) {
                r.addPoint(q, infinity, zeroDigit);
                infinity &= zeroDigit;
            } else {
                r.addComplete(q, scratch);
            }
        }
    }

    /**
     * q = table entry abs - 1 (all zero, so infinity, for abs = 0), reading every entry: the wanted one is kept by
     * its mask, accumulated in locals and stored once.
     */
    private static void lookup(long[] table, int abs, Jacobian q) {
        long x0 = 0, x1 = 0, x2 = 0, x3 = 0, x4 = 0;
        long y0 = 0, y1 = 0, y2 = 0, y3 = 0, y4 = 0;
        long z0 = 0, z1 = 0, z2 = 0, z3 = 0, z4 = 0;
        for (int m = 0; m < VAR_ENTRIES; m++) {
            long mask = eqMask(m + 1, abs);
            int o = m * JACOBIAN;
            x0 |= table[o] & mask;
            x1 |= table[o + 1] & mask;
            x2 |= table[o + 2] & mask;
            x3 |= table[o + 3] & mask;
            x4 |= table[o + 4] & mask;
            y0 |= table[o + 5] & mask;
            y1 |= table[o + 6] & mask;
            y2 |= table[o + 7] & mask;
            y3 |= table[o + 8] & mask;
            y4 |= table[o + 9] & mask;
            z0 |= table[o + 10] & mask;
            z1 |= table[o + 11] & mask;
            z2 |= table[o + 12] & mask;
            z3 |= table[o + 13] & mask;
            z4 |= table[o + 14] & mask;
        }
        long[] x = q.x;
        long[] y = q.y;
        long[] z = q.z;
        x[0] = x0;
        x[1] = x1;
        x[2] = x2;
        x[3] = x3;
        x[4] = x4;
        y[0] = y0;
        y[1] = y1;
        y[2] = y2;
        y[3] = y3;
        y[4] = y4;
        z[0] = z0;
        z[1] = z1;
        z[2] = z2;
        z[3] = z3;
        z[4] = z4;
    }

    /**
     * Width-5 NAF of a public scalar: digits in {0, +-1, +-3, ..., +-15}, k = sum d_i 2^i, any two non-zero digits
     * at least 5 positions apart.
     */
    static int[] wnaf(long[] k) {
        long[] v = {k[0], k[1], k[2], k[3], 0L};
        int[] digits = new int[258];
        for (int i = 0; i < digits.length; i++) {
            if ((v[0] & 1) != 0) {
                int d = (int) (v[0] & 31);
                if (d >= 16) {
                    d -= 32;
                }
                digits[i] = d;
                // v -= d: the low five bits become zero
                if (d > 0) {
                    long old = v[0];
                    v[0] -= d;
                    for (int j = 1; j < 5 && Long.compareUnsigned(v[j - 1], old) > 0; j++) {
                        old = v[j];
                        v[j]--;
                    }
                } else {
                    long old = v[0];
                    v[0] -= d;
                    for (int j = 1; j < 5 && Long.compareUnsigned(v[j - 1], old) < 0; j++) {
                        old = v[j];
                        v[j]++;
                    }
                }
            }
            v[0] = (v[0] >>> 1) | (v[1] << 63);
            v[1] = (v[1] >>> 1) | (v[2] << 63);
            v[2] = (v[2] >>> 1) | (v[3] << 63);
            v[3] = (v[3] >>> 1) | (v[4] << 63);
            v[4] >>>= 1;
        }
        return digits;
    }

    /**
     * r = k * p for a public k (verification only: variable time), by width-5 NAF over 1, 3, ..., 15 times p: 256
     * doublings and about 43 additions. As in {@link #variableBase}, the accumulator (an even multiple, at least 32
     * times a non-zero multiple, of p before each addition) never equals the added point unless it is infinity,
     * which the addition handles.
     */
    static void variableBaseVarTime(Jacobian r, Jacobian p, long[] k) {
        Jacobian[] odd = new Jacobian[8];
        odd[0] = new Jacobian();
        odd[0].set(p);
        Jacobian twice = new Jacobian();
        twice.set(p);
        twice.dbl();
        for (int i = 1; i < odd.length; i++) {
            odd[i] = new Jacobian();
            odd[i].set(odd[i - 1]);
            odd[i].addPoint(twice);
        }
        int[] digits = wnaf(k);
        Jacobian negated = new Jacobian();
        r.setInfinity();
        boolean started = false;
        for (int i = digits.length - 1; i >= 0; i--) {
            if (started) {
                r.dbl();
            }
            int d = digits[i];
            if (d > 0) {
                r.addPoint(odd[d >> 1]);
                started = true;
            } else if (d < 0) {
                negated.set(odd[(-d) >> 1]);
                P256Field.neg(negated.y, negated.y);
                r.addPoint(negated);
                started = true;
            }
        }
    }
}
