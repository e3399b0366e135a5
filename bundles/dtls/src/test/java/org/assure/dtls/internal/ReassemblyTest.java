package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReassemblyTest {
    private static Wire.FragmentHeader header(int type, int length, int seq, int offset, int fragmentLength) {
        return new Wire.FragmentHeader(type, length, seq, offset, fragmentLength);
    }

    @Test
    void givenFragmentsOutOfOrderAndOverlapping_thenTheMessageCompletesOnceAllBytesArrived() {
        Reassembly reassembly = new Reassembly();
        byte[] body = new byte[10];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        assertThat(reassembly.add(2, header(11, 10, 2, 6, 4), body, 6)).isTrue();
        assertThat(reassembly.take(2)).isNull();
        assertThat(reassembly.add(2, header(11, 10, 2, 0, 4), body, 0)).isTrue();
        assertThat(reassembly.isComplete(2)).isFalse();
        assertThat(reassembly.add(2, header(11, 10, 2, 3, 4), body, 3)).isTrue();

        Reassembly.Message message = reassembly.take(2);
        assertThat(message.type()).isEqualTo(11);
        assertThat(message.body()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(reassembly.pending()).isZero();
    }

    @Test
    void givenContradictingFragment_thenItIsRefusedAndChangesNothing() {
        Reassembly reassembly = new Reassembly();
        byte[] data = new byte[8];
        assertThat(reassembly.add(0, header(11, 8, 0, 0, 4), data, 0)).isTrue();

        assertThat(reassembly.add(0, header(12, 8, 0, 4, 4), data, 4)).as("other type").isFalse();
        assertThat(reassembly.add(0, header(11, 9, 0, 4, 4), data, 4)).as("other length").isFalse();
        assertThat(reassembly.isComplete(0)).isFalse();
        assertThat(reassembly.add(0, header(11, 8, 0, 4, 4), data, 4)).isTrue();
        assertThat(reassembly.isComplete(0)).isTrue();
    }

    @Test
    void givenMessagesOutsideTheWindowOrOverTheByteBound_thenTheyAreRefused() {
        Reassembly reassembly = new Reassembly();
        byte[] data = new byte[16384];
        assertThat(reassembly.add(5, header(1, 1, 4, 0, 1), data, 0)).as("already processed").isFalse();
        assertThat(reassembly.add(5, header(1, 1, 5 + Reassembly.MAX_PENDING, 0, 1), data, 0)).as("too far ahead")
                .isFalse();
        assertThat(reassembly.add(5, header(1, 16384, 5, 0, 1), data, 0)).isTrue();
        assertThat(reassembly.add(5, header(1, 16384, 6, 0, 1), data, 0)).isTrue();
        assertThat(reassembly.add(5, header(1, 16384, 7, 0, 1), data, 0)).as("over the byte bound").isFalse();
        assertThat(reassembly.pending()).isEqualTo(2);
    }

    @Test
    void givenReplayWindow_thenDuplicatesAndOldRecordsAreRefused() {
        ReplayWindow window = new ReplayWindow();
        assertThat(window.acceptable(0)).isTrue();
        window.mark(0);
        assertThat(window.acceptable(0)).isFalse();
        window.mark(100);
        assertThat(window.acceptable(36)).as("left of the window").isFalse();
        assertThat(window.acceptable(37)).isTrue();
        window.mark(37);
        assertThat(window.acceptable(37)).isFalse();
        assertThat(window.acceptable(99)).isTrue();
        assertThat(window.acceptable(100)).isFalse();
        window.mark(300);
        assertThat(window.acceptable(99)).isFalse();
        assertThat(window.acceptable(299)).isTrue();
    }
}
