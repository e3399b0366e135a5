package org.assure.dtls.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Reassembles fragmented handshake messages by message_seq (RFC 6347 §4.2.3), bounded: at most
 * {@link #MAX_PENDING} messages ahead of the next expected one and {@link #MAX_BYTES} buffered in total. A fragment
 * that contradicts an earlier one (type or length) is refused and changes nothing. Not thread-safe.
 */
final class Reassembly {
    static final int MAX_PENDING = 8;
    static final int MAX_BYTES = 32 * 1024;

    private final Map<Integer, Partial> partials = new HashMap<>();
    private int buffered;

    /** A complete message. */
    record Message(int type, int seq, byte[] body) {
    }

    private static final class Partial {
        final int type;
        final byte[] body;
        final BitSet covered;

        Partial(int type, int length) {
            this.type = type;
            this.body = new byte[length];
            this.covered = new BitSet(length);
        }

        boolean complete() {
            return covered.nextClearBit(0) >= body.length;
        }
    }

    /**
     * Adds a fragment of message {@code seq} ({@code nextSeq} is the next message the handshake expects).
     *
     * @return false if refused (out of window, inconsistent or over the bounds)
     */
    boolean add(int nextSeq, Wire.FragmentHeader header, byte[] data, int off) {
        int seq = header.messageSeq();
        if (seq < nextSeq || seq >= nextSeq + MAX_PENDING) {
            return false;
        }
        Partial partial = partials.get(seq);
        if (partial == null) {
            if (buffered + header.length() > MAX_BYTES) {
                return false;
            }
            partial = new Partial(header.type(), header.length());
            partials.put(seq, partial);
            buffered += header.length();
        } else if (partial.type != header.type() || partial.body.length != header.length()) {
            return false;
        }
        System.arraycopy(data, off, partial.body, header.fragmentOffset(), header.fragmentLength());
        partial.covered.set(header.fragmentOffset(), header.fragmentOffset() + header.fragmentLength());
        return true;
    }

    /** Removes and returns message {@code seq} if it is complete. */
    Message take(int seq) {
        Partial partial = partials.get(seq);
        if (partial == null || !partial.complete()) {
            return null;
        }
        partials.remove(seq);
        buffered -= partial.body.length;
        return new Message(partial.type, seq, partial.body);
    }

    /** Whether message {@code seq} is complete (without taking it). */
    boolean isComplete(int seq) {
        Partial partial = partials.get(seq);
        return partial != null && partial.complete();
    }

    void clear() {
        partials.clear();
        buffered = 0;
    }

    int pending() {
        return partials.size();
    }
}
