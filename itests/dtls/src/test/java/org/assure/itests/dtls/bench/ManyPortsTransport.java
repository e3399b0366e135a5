package org.assure.itests.dtls.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
import org.assure.core.model.Address;
import org.assure.core.model.AddressType;
import org.assure.core.model.Bytes;
import org.assure.core.model.IpAddress;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.core.transport.DatagramReceiver;
import org.assure.core.transport.TransportEndpoint;

/**
 * A client-side transport that reaches one real server from {@code count} UDP ports, so that one client engine
 * holds {@code count} concurrent sessions with it: peer {@code i} is the made-up address {@code 10.i.i.i} (the
 * engine's key), sent to the real server from port {@code i}. One selector thread receives for all ports.
 */
final class ManyPortsTransport implements ChannelTransport {
    private static final int FAKE_LOCAL_PORT = 1;

    private final InetSocketAddress server;
    private final DatagramChannel[] channels;

    ManyPortsTransport(InetSocketAddress server, int count) throws IOException {
        this.server = server;
        this.channels = new DatagramChannel[count];
        for (int i = 0; i < count; i++) {
            channels[i] = DatagramChannel.open();
            channels[i].bind(new InetSocketAddress(server.getAddress(), 0));
            channels[i].configureBlocking(false);
        }
    }

    /** The address the engine connects to for port {@code i}. */
    Address peer(int i) {
        return new IpAddress(Bytes.of(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}),
                FAKE_LOCAL_PORT, server.getPort());
    }

    private int index(Address to) {
        byte[] address = ((IpAddress) to).remoteAddress().toByteArray();
        return ((address[1] & 0xFF) << 16) | ((address[2] & 0xFF) << 8) | (address[3] & 0xFF);
    }

    @Override
    public AddressType addressType() {
        return AddressType.IP;
    }

    @Override
    public String name() {
        return "many-ports";
    }

    @Override
    public TransportEndpoint bind(ChannelKind kind, DatagramReceiver receiver) throws IOException {
        Selector selector = Selector.open();
        for (int i = 0; i < channels.length; i++) {
            channels[i].register(selector, SelectionKey.OP_READ, i);
        }
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
            while (selector.isOpen()) {
                try {
                    selector.select();
                    for (SelectionKey key : selector.selectedKeys()) {
                        int i = (Integer) key.attachment();
                        buffer.clear();
                        while (channels[i].receive(buffer) != null) {
                            buffer.flip();
                            byte[] datagram = new byte[buffer.remaining()];
                            buffer.get(datagram);
                            receiver.received(peer(i), datagram);
                            buffer.clear();
                        }
                    }
                    selector.selectedKeys().clear();
                } catch (IOException | java.nio.channels.ClosedSelectorException e) {
                    return;
                }
            }
        }, "many-ports-receiver");
        thread.setDaemon(true);
        thread.start();
        return new TransportEndpoint() {
            @Override
            public void send(Address to, byte[] data, int offset, int length) throws IOException {
                Objects.checkFromIndexSize(offset, length, data.length);
                channels[index(to)].send(ByteBuffer.wrap(data, offset, length), server);
            }

            @Override
            public int maxDatagramSize(Address to) {
                return 1472;
            }

            @Override
            public Address localAddress() {
                return IpAddress.of(InetAddress.getLoopbackAddress(), FAKE_LOCAL_PORT, FAKE_LOCAL_PORT);
            }

            @Override
            public void close() {
                try {
                    selector.close();
                    for (DatagramChannel channel : channels) {
                        channel.close();
                    }
                } catch (IOException e) {
                    // closing anyway
                }
            }
        };
    }
}
