package org.assure.dtls;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.assure.core.model.Address;
import org.assure.core.model.AddressType;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.core.transport.DatagramReceiver;
import org.assure.core.transport.TransportEndpoint;

/** A transport that records every datagram its engine sends and lets a test inject raw datagrams. */
public final class TapTransport implements ChannelTransport {
    public record Sent(Address to, byte[] datagram) {
        public int contentType() {
            return datagram[0] & 0xFF;
        }

        public int epoch() {
            return ((datagram[3] & 0xFF) << 8) | (datagram[4] & 0xFF);
        }
    }

    private final ChannelTransport delegate;
    public final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    public final Queue<byte[]> received = new ConcurrentLinkedQueue<>();
    private volatile TransportEndpoint endpoint;
    /** When set, sends are dropped silently: the peer seems to vanish. */
    public volatile boolean muted;
    /** Sends this predicate accepts are dropped silently (and not recorded), as if lost on the way. */
    public volatile java.util.function.Predicate<Sent> lose = sent -> false;

    TapTransport(ChannelTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public AddressType addressType() {
        return delegate.addressType();
    }

    @Override
    public String name() {
        return "tap-" + delegate.name();
    }

    @Override
    public TransportEndpoint bind(ChannelKind kind, DatagramReceiver receiver) throws IOException {
        TransportEndpoint inner = delegate.bind(kind, (from, datagram) -> {
            received.add(datagram.clone());
            receiver.received(from, datagram);
        });
        endpoint = new TransportEndpoint() {
            @Override
            public void send(Address to, byte[] data, int offset, int length) throws IOException {
                byte[] copy = new byte[length];
                System.arraycopy(data, offset, copy, 0, length);
                if (muted || lose.test(new Sent(to, copy))) {
                    return;
                }
                sent.add(new Sent(to, copy));
                inner.send(to, data, offset, length);
            }

            @Override
            public int maxDatagramSize(Address to) {
                return inner.maxDatagramSize(to);
            }

            @Override
            public Address localAddress() {
                return inner.localAddress();
            }

            @Override
            public void close() {
                inner.close();
            }
        };
        return endpoint;
    }

    /** Sends raw bytes from this transport's port, bypassing the engine. */
    public void inject(Address to, byte[] datagram) throws IOException {
        endpoint.send(to, datagram, 0, datagram.length);
    }
}
