package org.assure.dtls.internal.ec;

import static org.assure.dtls.internal.ec.P256Field.add;
import static org.assure.dtls.internal.ec.P256Field.mul;
import static org.assure.dtls.internal.ec.P256Field.sqr;
import static org.assure.dtls.internal.ec.P256Field.sub;

/**
 * A mutable P-256 point in Jacobian coordinates (x = X/Z^2, y = Y/Z^3, coordinates in Montgomery form), Z = 0 being
 * the point at infinity, with the group operations every multiplier here uses.
 *
 * <p>Why Jacobian (a = -3) rather than complete projective formulas (Renes-Costello-Batina): doubling is 3M + 5S
 * against 8M + 3S + 2 multiplications by b, which dominates a variable-base multiplication (255 doublings), and
 * the incomplete cases of addition are few and known:
 * <ul>
 * <li>doubling is exact for every input, infinity included (P-256 has prime order, so no point has y = 0);</li>
 * <li>{@link #addPoint}/{@link #addAffine} give the wrong answer only when an input is infinity or the inputs are equal
 * (for P = -Q they correctly give Z = 0). Infinity inputs are handled in constant time by masked selection in every
 * addition. Equal inputs cannot occur inside the window multiplications (the accumulator is a multiple of the
 * base strictly smaller in absolute value than the added table point, before the last window; see
 * {@link P256Multiply}), and the one addition where they could, the last, uses {@link #addComplete}, which also
 * computes the doubling and selects it in constant time.</li>
 * </ul>
 * All operations here are constant time; the scratch arrays make them allocation free.
 */
final class Jacobian {
    final long[] x = P256Field.create();
    final long[] y = P256Field.create();
    final long[] z = P256Field.create();

    // scratch
    private final long[] t1 = P256Field.create();
    private final long[] t2 = P256Field.create();
    private final long[] t3 = P256Field.create();
    private final long[] t4 = P256Field.create();
    private final long[] t5 = P256Field.create();
    private final long[] t6 = P256Field.create();
    private final long[] t7 = P256Field.create();

    void set(Jacobian p) {
        P256Field.copy(x, p.x);
        P256Field.copy(y, p.y);
        P256Field.copy(z, p.z);
    }

    void setInfinity() {
        P256Field.copy(x, P256Field.ONE);
        P256Field.copy(y, P256Field.ONE);
        java.util.Arrays.fill(z, 0L);
    }

    /** Sets this to the affine point (ax, ay), Montgomery form. */
    void setAffine(long[] ax, long[] ay) {
        P256Field.copy(x, ax);
        P256Field.copy(y, ay);
        P256Field.copy(z, P256Field.ONE);
    }

    /** this = mask == -1 ? p : this. */
    void select(Jacobian p, long mask) {
        P256Field.select(x, p.x, mask);
        P256Field.select(y, p.y, mask);
        P256Field.select(z, p.z, mask);
    }

    long isInfinityMask() {
        return P256Field.isZeroMask(z);
    }

    /** this = 2 * this (dbl-2001-b, a = -3). */
    void dbl() {
        long[] delta = t1, gamma = t2, beta = t3, alpha = t4, t = t5;
        sqr(delta, z);
        sqr(gamma, y);
        mul(beta, x, gamma);
        sub(t, x, delta);
        P256Field.addLazy(alpha, x, delta);
        mul(alpha, t, alpha);
        P256Field.mulSmall(alpha, alpha, 3); // 3 (x - delta)(x + delta)
        // z3 = (y + z)^2 - gamma - delta
        add(z, y, z);
        sqr(z, z);
        sub(z, z, gamma);
        sub(z, z, delta);
        // x3 = alpha^2 - 8 beta
        P256Field.mulSmall(beta, beta, 4); // 4 beta
        add(t, beta, beta); // 8 beta
        sqr(x, alpha);
        sub(x, x, t);
        // y3 = alpha (4 beta - x3) - 8 gamma^2
        P256Field.subLazy(beta, beta, x);
        mul(beta, alpha, beta);
        sqr(gamma, gamma);
        P256Field.mulSmall(gamma, gamma, 8);
        sub(y, beta, gamma);
    }

    /**
     * this = this + q (add-2007-bl), exact unless this == q (both finite); infinity on either side handled in
     * constant time. q may not be this.
     */
    void addPoint(Jacobian q) {
        addPoint(q, isInfinityMask(), q.isInfinityMask());
    }

    /**
     * As {@link #addPoint(Jacobian)} with the infinity masks (-1 or 0) given by a caller that knows them (the window
     * multiplications track them from the digits), sparing two reductions.
     */
    void addPoint(Jacobian q, long thisInf, long qInf) {
        addUnchecked(q);
        // this was infinity: the sum is q; q was infinity: the sum is the old this, kept in t7/t6/t5 below
        select(q, thisInf);
        P256Field.select(x, t5, qInf);
        P256Field.select(y, t6, qInf);
        P256Field.select(z, t7, qInf); // both at infinity: the old z is 0 too
    }

    /** Computes the generic sum into this, leaving the old this in t5 (x), t6 (y), t7 (z). */
    private void addUnchecked(Jacobian q) {
        long[] z1z1 = t1, z2z2 = t2, u1 = t3, s1 = t4;
        long[] h = t1, r = t2;
        long[] ox = t5, oy = t6, oz = t7;
        P256Field.copy(ox, x);
        P256Field.copy(oy, y);
        P256Field.copy(oz, z);
        sqr(z1z1, z);
        sqr(z2z2, q.z);
        mul(u1, x, z2z2); // U1
        mul(x, q.x, z1z1); // U2 (x is scratch now)
        mul(s1, y, q.z);
        mul(s1, s1, z2z2); // S1
        mul(y, q.y, z);
        mul(y, y, z1z1); // S2 (y is scratch now)
        // z3 = ((z1 + z2)^2 - z1z1 - z2z2) * H, computed before z1z1/z2z2 are overwritten
        add(z, z, q.z);
        sqr(z, z);
        sub(z, z, z1z1);
        sub(z, z, z2z2);
        sub(h, x, u1); // H = U2 - U1
        mul(z, z, h);
        sub(r, y, s1);
        add(r, r, r); // r = 2 (S2 - S1)
        // I = (2H)^2, J = H I, V = U1 I
        long[] i = x;
        add(i, h, h);
        sqr(i, i);
        long[] j = y;
        mul(j, h, i);
        mul(u1, u1, i); // V
        // x3 = r^2 - J - 2V
        long[] x3 = h;
        sqr(x3, r);
        sub(x3, x3, j);
        sub(x3, x3, u1);
        sub(x3, x3, u1);
        // y3 = r (V - x3) - 2 S1 J
        P256Field.subLazy(u1, u1, x3);
        mul(u1, r, u1);
        mul(s1, s1, j);
        add(s1, s1, s1);
        sub(y, u1, s1);
        P256Field.copy(x, x3);
    }

    /**
     * this = this + q for any this and q (equal points too), in constant time: the generic sum, the doubling and
     * the infinity cases are all computed and the right one selected.
     */
    void addComplete(Jacobian q, Jacobian scratch) {
        scratch.set(this);
        scratch.dbl();
        // equal points: X1 Z2^2 == X2 Z1^2 and Y1 Z2^3 == Y2 Z1^3, both finite
        long[] a = t1, b = t2;
        sqr(b, q.z);
        mul(a, x, b);
        sqr(t3, z);
        mul(t4, q.x, t3);
        long sameX = P256Field.equalMask(a, t4);
        mul(b, b, q.z);
        mul(a, y, b);
        mul(t3, t3, z);
        mul(t4, q.y, t3);
        long same = sameX & P256Field.equalMask(a, t4) & ~isInfinityMask() & ~q.isInfinityMask();
        addPoint(q);
        select(scratch, same);
    }

    /**
     * this = this + (ax, ay) (madd-2007-bl with Z2 = 1), exact unless this equals the affine point; this at
     * infinity handled in constant time. The affine point must be finite.
     */
    void addAffine(long[] ax, long[] ay) {
        addAffine(ax, ay, isInfinityMask());
    }

    /** As {@link #addAffine(long[], long[])} with this's infinity mask given by the caller. */
    void addAffine(long[] ax, long[] ay, long thisInf) {
        long[] z1z1 = t1, u2 = t2, s2 = t3, h = t4, hh = t5, r = t6, v = t7;
        sqr(z1z1, z);
        mul(u2, ax, z1z1);
        mul(s2, ay, z);
        mul(s2, s2, z1z1);
        sub(h, u2, x); // H = U2 - X1
        sqr(hh, h);
        // I = 4 HH, J = H I, V = X1 I
        P256Field.mulSmall(hh, hh, 4); // I
        mul(v, x, hh); // V
        mul(hh, h, hh); // J
        sub(r, s2, y);
        add(r, r, r); // r = 2 (S2 - Y1)
        // z3 = (Z1 + H)^2 - Z1Z1 - HH  ==  2 Z1 H
        mul(z, z, h);
        add(z, z, z);
        // x3 = r^2 - J - 2V
        sqr(x, r);
        sub(x, x, hh);
        sub(x, x, v);
        sub(x, x, v);
        // y3 = r (V - x3) - 2 Y1 J
        P256Field.subLazy(v, v, x);
        mul(v, r, v);
        mul(y, y, hh);
        add(y, y, y);
        sub(y, v, y);
        // this was infinity: the sum is the affine point
        P256Field.select(x, ax, thisInf);
        P256Field.select(y, ay, thisInf);
        P256Field.select(z, P256Field.ONE, thisInf);
    }

    /**
     * The affine coordinates (Montgomery form) into ax/ay; garbage (zero) for infinity, which callers check first.
     */
    void toAffine(long[] ax, long[] ay) {
        long[] zi = t1, zi2 = t2;
        P256Field.inv(zi, z);
        sqr(zi2, zi);
        mul(ax, x, zi2);
        mul(zi2, zi2, zi);
        mul(ay, y, zi2);
    }
}
