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

/**
 * A transport that records every DTLS record its engine sends and lets a test inject raw datagrams. The engine
 * puts a handshake flight's records into one datagram; the tap records (and may lose) each record on its own, and
 * sends what is not lost of a datagram as one datagram.
 */
public final class TapTransport implements ChannelTransport {
    /** One record as sent ({@code datagram}: the record's bytes, header included). */
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
                if (muted) {
                    return;
                }
                java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream(length);
                for (byte[] record : records(data, offset, length)) {
                    Sent one = new Sent(to, record);
                    if (!lose.test(one)) {
                        sent.add(one);
                        kept.write(record, 0, record.length);
                    }
                }
                if (kept.size() > 0) {
                    byte[] datagram = kept.toByteArray();
                    inner.send(to, datagram, 0, datagram.length);
                }
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

    /** The DTLS records of a datagram (13-byte header with the length last); a malformed rest as one. */
    static java.util.List<byte[]> records(byte[] data, int offset, int length) {
        java.util.List<byte[]> records = new java.util.ArrayList<>();
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int size = end - at;
            if (size >= 13) {
                int recordLength = 13 + (((data[at + 11] & 0xFF) << 8) | (data[at + 12] & 0xFF));
                if (recordLength <= size) {
                    size = recordLength;
                }
            }
            records.add(java.util.Arrays.copyOfRange(data, at, at + size));
            at += size;
        }
        return records;
    }

    /** Sends raw bytes from this transport's port, bypassing the engine. */
    public void inject(Address to, byte[] datagram) throws IOException {
        endpoint.send(to, datagram, 0, datagram.length);
    }
}
