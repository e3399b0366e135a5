package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what an engine reports, for tests to wait on (bounded waits, no sleeps). */
public class Events implements DtlsSessionListener, DtlsDataHandler {
    static final long WAIT_SECONDS = 20;

    public record Closed(DtlsSession session, CloseReason reason) {
    }

    public record Data(DtlsSession session, byte[] bytes) {
    }

    public final BlockingQueue<DtlsSession> established = new LinkedBlockingQueue<>();
    public final BlockingQueue<Closed> closed = new LinkedBlockingQueue<>();
    public final BlockingQueue<HandshakeFailure> failures = new LinkedBlockingQueue<>();
    public final BlockingQueue<Data> data = new LinkedBlockingQueue<>();

    @Override
    public void established(DtlsSession session) {
        established.add(session);
    }

    @Override
    public void closed(DtlsSession session, CloseReason reason) {
        closed.add(new Closed(session, reason));
    }

    @Override
    public void handshakeFailed(HandshakeFailure failure) {
        failures.add(failure);
    }

    @Override
    public void received(DtlsSession session, byte[] bytes) {
        data.add(new Data(session, bytes));
    }

    public static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(value).as("event within %d s", WAIT_SECONDS).isNotNull();
        return value;
    }
}
