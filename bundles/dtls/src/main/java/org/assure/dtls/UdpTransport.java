package org.assure.dtls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.assure.core.model.Address;
import org.assure.core.model.AddressType;
import org.assure.core.model.IpAddress;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.core.transport.DatagramReceiver;
import org.assure.core.transport.TransportEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IP transport (draft §12.2, PROFILE §7): one unconnected UDP socket per {@link ChannelKind} — management on
 * 5684, data on 5685 by default — each with one receive thread handing datagrams to the bound receiver. IPv4 and
 * IPv6 (bind to {@code ::} for both on a dual-stack host).
 */
public final class UdpTransport implements ChannelTransport {
    /** PROFILE §7: management channels. */
    public static final int DEFAULT_MANAGEMENT_PORT = 5684;
    /** PROFILE §7: data channels. */
    public static final int DEFAULT_DATA_PORT = 5685;
    /** Link MTU assumed when sizing datagrams. */
    public static final int DEFAULT_MTU = 1500;
    /**
     * Socket send and receive buffer requested by default (the kernel may cap it, e.g. Linux at
     * {@code net.core.rmem_max}): a burst from thousands of peers must not overflow a default-sized buffer.
     */
    public static final int DEFAULT_SOCKET_BUFFER = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
    private static final int IPV4_UDP_HEADERS = 28;
    private static final int IPV6_UDP_HEADERS = 48;
    private static final int MAX_UDP_PAYLOAD = 65507;

    private final InetAddress bindAddress;
    private final Map<ChannelKind, Integer> ports = new EnumMap<>(ChannelKind.class);
    private final int mtu;
    private final int socketBuffer;
    private final Map<ChannelKind, Endpoint> bound = new EnumMap<>(ChannelKind.class);

    /**
     * @param bindAddress    local address to bind ({@code 0.0.0.0}, {@code ::}, a loopback address...)
     * @param managementPort port for {@link ChannelKind#MANAGEMENT}; 0 picks an ephemeral port
     * @param dataPort       port for {@link ChannelKind#DATA}; 0 picks an ephemeral port
     * @param mtu            link MTU used for {@link TransportEndpoint#maxDatagramSize}, 576..65535
     */
    public UdpTransport(InetAddress bindAddress, int managementPort, int dataPort, int mtu) {
        this(bindAddress, managementPort, dataPort, mtu, DEFAULT_SOCKET_BUFFER);
    }

    /**
     * @param bindAddress    local address to bind ({@code 0.0.0.0}, {@code ::}, a loopback address...)
     * @param managementPort port for {@link ChannelKind#MANAGEMENT}; 0 picks an ephemeral port
     * @param dataPort       port for {@link ChannelKind#DATA}; 0 picks an ephemeral port
     * @param mtu            link MTU used for {@link TransportEndpoint#maxDatagramSize}, 576..65535
     * @param socketBuffer   socket send and receive buffer to request, in bytes (0: the system default)
     * @since 1.1
     */
    public UdpTransport(InetAddress bindAddress, int managementPort, int dataPort, int mtu, int socketBuffer) {
        if (socketBuffer < 0) {
            throw new IllegalArgumentException("socketBuffer must not be negative");
        }
        this.socketBuffer = socketBuffer;
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        checkPort(managementPort);
        checkPort(dataPort);
        if (mtu < 576 || mtu > 65535) {
            throw new IllegalArgumentException("mtu must be 576..65535");
        }
        ports.put(ChannelKind.MANAGEMENT, managementPort);
        ports.put(ChannelKind.DATA, dataPort);
        this.mtu = mtu;
    }

    /** The PROFILE §7 ports on all addresses. */
    public static UdpTransport withDefaultPorts(InetAddress bindAddress) {
        return new UdpTransport(bindAddress, DEFAULT_MANAGEMENT_PORT, DEFAULT_DATA_PORT, DEFAULT_MTU);
    }

    /** Ephemeral ports on {@code bindAddress} (tests). */
    public static UdpTransport ephemeral(InetAddress bindAddress) {
        return new UdpTransport(bindAddress, 0, 0, DEFAULT_MTU);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public AddressType addressType() {
        return AddressType.IP;
    }

    @Override
    public String name() {
        return "ip";
    }

    @Override
    public synchronized TransportEndpoint bind(ChannelKind kind, DatagramReceiver receiver) throws IOException {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receiver, "receiver");
        if (bound.containsKey(kind)) {
            throw new IllegalStateException(kind + " is already bound");
        }
        DatagramChannel channel = DatagramChannel.open();
        try {
            if (socketBuffer > 0) {
                channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, socketBuffer);
                channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, socketBuffer);
            }
            channel.bind(new InetSocketAddress(bindAddress, ports.get(kind)));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        Endpoint endpoint = new Endpoint(kind, channel, receiver);
        bound.put(kind, endpoint);
        endpoint.start();
        return endpoint;
    }

    private synchronized void unbound(ChannelKind kind, Endpoint endpoint) {
        bound.remove(kind, endpoint);
    }

    private final class Endpoint implements TransportEndpoint {
        private final ChannelKind kind;
        private final DatagramChannel channel;
        private final DatagramReceiver receiver;
        private final int localPort;
        private final Thread thread;
        private volatile boolean closed;

        Endpoint(ChannelKind kind, DatagramChannel channel, DatagramReceiver receiver) throws IOException {
            this.kind = kind;
            this.channel = channel;
            this.receiver = receiver;
            this.localPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            this.thread = new Thread(this::receiveLoop, "assure-udp-" + kind.name().toLowerCase() + "-" + localPort);
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void receiveLoop() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD + 1);
            while (!closed) {
                try {
                    buffer.clear();
                    SocketAddress from = channel.receive(buffer);
                    if (!(from instanceof InetSocketAddress sender)) {
                        continue;
                    }
                    buffer.flip();
                    byte[] datagram = new byte[buffer.remaining()];
                    buffer.get(datagram);
                    deliver(sender, datagram);
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    if (!closed) {
                        LOG.warn("UDP receive on port {} failed: {}", localPort, e.toString());
                    }
                }
            }
        }

        private void deliver(InetSocketAddress sender, byte[] datagram) {
            if (sender.getPort() == 0) {
                return;
            }
            try {
                receiver.received(IpAddress.of(sender.getAddress(), localPort, sender.getPort()), datagram);
            } catch (RuntimeException e) {
                LOG.warn("datagram receiver on port {} threw", localPort, e);
            }
        }

        @Override
        public void send(Address to, byte[] data, int offset, int length) throws IOException {
            IpAddress ip = ip(to);
            Objects.checkFromIndexSize(offset, length, data.length);
            if (length > maxDatagramSize(to)) {
                throw new IllegalArgumentException("datagram of " + length + " bytes exceeds " + maxDatagramSize(to));
            }
            if (closed) {
                throw new ClosedChannelException();
            }
            channel.send(ByteBuffer.wrap(data, offset, length), new InetSocketAddress(ip.inetAddress(), ip.remotePort()));
        }

        @Override
        public int maxDatagramSize(Address to) {
            IpAddress ip = ip(to);
            int headers = ip.remoteAddress().length() == 16 ? IPV6_UDP_HEADERS : IPV4_UDP_HEADERS;
            return Math.min(mtu - headers, MAX_UDP_PAYLOAD);
        }

        private IpAddress ip(Address to) {
            if (!(Objects.requireNonNull(to, "to") instanceof IpAddress ip)) {
                throw new IllegalArgumentException("not an IP address: " + to.type());
            }
            return ip;
        }

        @Override
        public Address localAddress() {
            return IpAddress.of(bindAddress, localPort, localPort);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing UDP port {}: {}", localPort, e.toString());
            }
            unbound(kind, this);
        }
    }
}
