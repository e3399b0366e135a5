package org.assure.dtls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>With {@code receiveThreads} N &gt; 1 (a server with many peers and several cores) each endpoint is a group of N
 * sockets on the same port ({@code SO_REUSEPORT}), each with its own receive thread. The kernel picks a group member
 * by a hash of the peer's address and port, so one peer's datagrams always reach the same thread in the order they
 * arrived, while different peers are received and processed on up to N threads with no hand-off between threads.
 * The port is first bound alone (no {@code SO_REUSEPORT}), so a port some other socket holds is refused as with one
 * thread; a process of the same user that binds the port with {@code SO_REUSEPORT} afterwards would share its
 * datagrams, as with any {@code SO_REUSEPORT} server. Where the option is not supported, one socket is used.
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
    /** Upper bound of {@code receiveThreads}. */
    public static final int MAX_RECEIVE_THREADS = 64;

    private final InetAddress bindAddress;
    private final Map<ChannelKind, Integer> ports = new EnumMap<>(ChannelKind.class);
    private final int mtu;
    private final int socketBuffer;
    private final int receiveThreads;
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
        this(bindAddress, managementPort, dataPort, mtu, socketBuffer, 1);
    }

    /**
     * @param bindAddress    local address to bind ({@code 0.0.0.0}, {@code ::}, a loopback address...)
     * @param managementPort port for {@link ChannelKind#MANAGEMENT}; 0 picks an ephemeral port
     * @param dataPort       port for {@link ChannelKind#DATA}; 0 picks an ephemeral port
     * @param mtu            link MTU used for {@link TransportEndpoint#maxDatagramSize}, 576..65535
     * @param socketBuffer   socket send and receive buffer to request, in bytes (0: the system default)
     * @param receiveThreads sockets (and receive threads) per endpoint, 1..{@value #MAX_RECEIVE_THREADS}; above 1 a
     *                       {@code SO_REUSEPORT} group (see the class description)
     * @since 1.4
     */
    public UdpTransport(InetAddress bindAddress, int managementPort, int dataPort, int mtu, int socketBuffer,
            int receiveThreads) {
        if (socketBuffer < 0) {
            throw new IllegalArgumentException("socketBuffer must not be negative");
        }
        if (receiveThreads < 1 || receiveThreads > MAX_RECEIVE_THREADS) {
            throw new IllegalArgumentException("receiveThreads must be 1.." + MAX_RECEIVE_THREADS);
        }
        this.socketBuffer = socketBuffer;
        this.receiveThreads = receiveThreads;
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
        List<DatagramChannel> channels = open(ports.get(kind));
        Endpoint endpoint;
        try {
            endpoint = new Endpoint(kind, channels, receiver);
        } catch (IOException | RuntimeException e) {
            closeAll(channels);
            throw e;
        }
        bound.put(kind, endpoint);
        endpoint.start();
        return endpoint;
    }

    /** One socket bound to {@code port}, or a {@code SO_REUSEPORT} group of {@link #receiveThreads} on one port. */
    private List<DatagramChannel> open(int port) throws IOException {
        List<DatagramChannel> channels = new ArrayList<>(receiveThreads);
        try {
            DatagramChannel first = DatagramChannel.open();
            channels.add(first);
            configure(first);
            // Bound alone (no SO_REUSEPORT) in any case: a port another socket holds fails here, and an ephemeral
            // port is one nobody has.
            first.bind(new InetSocketAddress(bindAddress, port));
            if (receiveThreads == 1) {
                return channels;
            }
            if (!first.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                LOG.warn("SO_REUSEPORT is not supported here: one receive thread instead of {}", receiveThreads);
                return channels;
            }
            int chosen = ((InetSocketAddress) first.getLocalAddress()).getPort();
            first.close();
            channels.clear();
            for (int i = 0; i < receiveThreads; i++) {
                DatagramChannel member = DatagramChannel.open();
                channels.add(member);
                configure(member);
                member.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                member.bind(new InetSocketAddress(bindAddress, chosen));
            }
            return channels;
        } catch (IOException | RuntimeException e) {
            closeAll(channels);
            throw e;
        }
    }

    private void configure(DatagramChannel channel) throws IOException {
        if (socketBuffer > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, socketBuffer);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, socketBuffer);
        }
    }

    private static void closeAll(List<DatagramChannel> channels) {
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing a UDP socket: {}", e.toString());
            }
        }
    }

    private synchronized void unbound(ChannelKind kind, Endpoint endpoint) {
        bound.remove(kind, endpoint);
    }

    private final class Endpoint implements TransportEndpoint {
        private final ChannelKind kind;
        /**
         * The socket (or the {@code SO_REUSEPORT} group) of this endpoint. A receive thread sends on its own socket
         * (no contention for one socket's write lock between them), any other thread on the first.
         */
        private final List<DatagramChannel> channels;
        private final DatagramChannel sender;
        private final ThreadLocal<DatagramChannel> receivingOn = new ThreadLocal<>();
        private final DatagramReceiver receiver;
        private final int localPort;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean closed;

        Endpoint(ChannelKind kind, List<DatagramChannel> channels, DatagramReceiver receiver) throws IOException {
            this.kind = kind;
            this.channels = List.copyOf(channels);
            this.sender = channels.get(0);
            this.receiver = receiver;
            this.localPort = ((InetSocketAddress) sender.getLocalAddress()).getPort();
            String name = "assure-udp-" + kind.name().toLowerCase(Locale.ROOT) + "-" + localPort;
            for (int i = 0; i < channels.size(); i++) {
                DatagramChannel channel = channels.get(i);
                Thread thread = new Thread(() -> receiveLoop(channel), i == 0 ? name : name + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        private void receiveLoop(DatagramChannel channel) {
            receivingOn.set(channel);
            ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD + 1);
            while (!closed) {
                try {
                    buffer.clear();
                    SocketAddress from = channel.receive(buffer);
                    if (!(from instanceof InetSocketAddress peer)) {
                        continue;
                    }
                    buffer.flip();
                    byte[] datagram = new byte[buffer.remaining()];
                    buffer.get(datagram);
                    deliver(peer, datagram);
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
            DatagramChannel own = receivingOn.get();
            (own != null ? own : sender).send(ByteBuffer.wrap(data, offset, length),
                    new InetSocketAddress(ip.inetAddress(), ip.remotePort()));
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
            closeAll(channels);
            unbound(kind, this);
        }
    }
}
