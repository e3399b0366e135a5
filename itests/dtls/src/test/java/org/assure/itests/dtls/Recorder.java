package org.assure.itests.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assure.dtls.CloseReason;
import org.assure.dtls.DtlsDataHandler;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.DtlsSessionListener;
import org.assure.dtls.HandshakeFailure;

/** Records engine events for bounded waits. */
final class Recorder implements DtlsSessionListener, DtlsDataHandler {
    static final long WAIT_SECONDS = 20;

    record Data(DtlsSession session, byte[] bytes) {
    }

    final BlockingQueue<DtlsSession> established = new LinkedBlockingQueue<>();
    final BlockingQueue<CloseReason> closed = new LinkedBlockingQueue<>();
    final BlockingQueue<HandshakeFailure> failures = new LinkedBlockingQueue<>();
    final BlockingQueue<Data> data = new LinkedBlockingQueue<>();
    /** If set, every received payload is sent back prefixed with this. */
    volatile byte[] echoPrefix;

    @Override
    public void established(DtlsSession session) {
        established.add(session);
    }

    @Override
    public void closed(DtlsSession session, CloseReason reason) {
        closed.add(reason);
    }

    @Override
    public void handshakeFailed(HandshakeFailure failure) {
        failures.add(failure);
    }

    @Override
    public void received(DtlsSession session, byte[] bytes) {
        data.add(new Data(session, bytes));
        byte[] prefix = echoPrefix;
        if (prefix != null) {
            byte[] reply = new byte[prefix.length + bytes.length];
            System.arraycopy(prefix, 0, reply, 0, prefix.length);
            System.arraycopy(bytes, 0, reply, prefix.length, bytes.length);
            try {
                session.send(reply);
            } catch (java.io.IOException e) {
                // the test sees the missing echo
            }
        }
    }

    DtlsSession nextEstablished() throws InterruptedException {
        return next(established);
    }

    HandshakeFailure nextFailure() throws InterruptedException {
        return next(failures);
    }

    static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(value).as("event within %d s", WAIT_SECONDS).isNotNull();
        return value;
    }
}
