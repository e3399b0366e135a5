package org.assure.dtls.internal;

/**
 * The anti-replay window of RFC 6347 §4.1.2.6 over 64 records: a record is checked before decryption and marked
 * only after it authenticated, so forged records cannot move the window. Not thread-safe.
 */
final class ReplayWindow {
    private static final int SIZE = 64;
    private long highest = -1;
    private long bitmap;

    /** False if {@code seq} was seen or lies left of the window. */
    boolean acceptable(long seq) {
        if (seq > highest) {
            return true;
        }
        long distance = highest - seq;
        if (distance >= SIZE) {
            return false;
        }
        return (bitmap & (1L << distance)) == 0;
    }

    /** Records an authenticated {@code seq}. */
    void mark(long seq) {
        if (seq > highest) {
            long shift = highest < 0 ? SIZE : seq - highest;
            bitmap = shift >= SIZE ? 0 : bitmap << shift;
            bitmap |= 1;
            highest = seq;
        } else {
            long distance = highest - seq;
            if (distance < SIZE) {
                bitmap |= 1L << distance;
            }
        }
    }
}
