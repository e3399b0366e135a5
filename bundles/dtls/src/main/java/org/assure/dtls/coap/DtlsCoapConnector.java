package org.assure.dtls.coap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.assure.core.model.Address;
import org.assure.core.model.AddressType;
import org.assure.core.model.IpAddress;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.CloseReason;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsServerCredentials;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.DtlsSessionListener;
import org.assure.dtls.HandshakeFailure;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.DtlsEndpointContext;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;
import org.eclipse.californium.elements.exception.EndpointMismatchException;
import org.eclipse.californium.elements.exception.EndpointUnconnectedException;
import org.eclipse.californium.elements.exception.MulticastNotSupportedException;
import org.eclipse.californium.elements.util.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Californium {@link Connector} on an aSSURE {@link DtlsEngine}: give it to {@code CoapEndpoint.Builder
 * .setConnector} and CoAP (server and client) runs over the engine's DTLS sessions. IP transports only, since
 * Californium addresses peers by {@link InetSocketAddress}.
 *
 * <p>Inbound application data becomes {@link RawData} with a {@link DtlsEndpointContext} holding the peer address,
 * an {@link AssurePeerPrincipal}, the session id, epoch, cipher suite and handshake time, so Californium's default
 * strict endpoint-context matcher works. Outbound messages go over the peer's established session after the
 * matcher's {@link EndpointContextMatcher#isToBeSent} check; without a session, a client handshake starts if the
 * {@link ClientCredentialsProvider} has credentials for the peer (messages to that peer wait for it), else the
 * message fails with {@link EndpointUnconnectedException}. Failures reach the message's callback
 * ({@code onError}), e.g. a {@link org.assure.dtls.DtlsHandshakeException}.
 *
 * <p>{@link #start()} builds and starts the engine; {@link #stop()} closes it (and its sessions); a stopped
 * connector can be started again. The running engine is available through {@link #engine()} (for explicit
 * connects, session listing and statistics).
 */
public final class DtlsCoapConnector implements Connector {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsCoapConnector.class);
    /** Californium's protocol name for DTLS connectors (scheme {@code coaps}). */
    public static final String PROTOCOL = "DTLS";

    private final ChannelTransport transport;
    private final ChannelKind kind;
    private final DtlsConfig config;
    private final Optional<DtlsServerCredentials> serverCredentials;
    private final Optional<ClientCredentialsProvider> clientCredentials;
    private final ChannelTagProvider channelTags;
    private final DtlsSessionListener listener;
    private final Clock clock;
    private final SecureRandom random;
    private final ConcurrentHashMap<DtlsSession, DtlsEndpointContext> contexts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Address, CompletableFuture<DtlsSession>> connecting = new ConcurrentHashMap<>();
    /** Sessions without a session id get a connector-unique substitute, so the strict matcher tells them apart. */
    private final AtomicLong substituteIds = new AtomicLong();

    private volatile RawDataChannel receiver;
    private volatile EndpointContextMatcher matcher;
    private volatile DtlsEngine engine;
    private volatile InetSocketAddress address = new InetSocketAddress(0);

    private DtlsCoapConnector(Builder builder) {
        this.transport = builder.transport;
        this.kind = builder.kind;
        this.config = builder.config;
        this.serverCredentials = Optional.ofNullable(builder.serverCredentials);
        this.clientCredentials = Optional.ofNullable(builder.clientCredentials);
        this.channelTags = builder.channelTags;
        this.listener = builder.listener;
        this.clock = builder.clock;
        this.random = builder.random;
    }

    /** A builder for a connector on {@code transport}'s endpoint for {@code kind} (an IP transport). */
    public static Builder builder(ChannelTransport transport, ChannelKind kind) {
        return new Builder(transport, kind);
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------

    @Override
    public synchronized void start() throws IOException {
        if (engine != null) {
            return;
        }
        DtlsEngine.Builder builder = DtlsEngine.builder(transport, kind).config(config).clock(clock)
                .listener(new Events()).dataHandler(this::received);
        serverCredentials.ifPresent(builder::serverCredentials);
        if (random != null) {
            builder.random(random);
        }
        DtlsEngine started = builder.start();
        if (!(started.localAddress() instanceof IpAddress local)) {
            started.close();
            throw new IOException("the CoAP connector needs an IP transport, not " + transport.name());
        }
        address = new InetSocketAddress(local.inetAddress(), local.localPort());
        engine = started;
        LOG.debug("DTLS CoAP connector started on {}", address);
    }

    @Override
    public synchronized void stop() {
        DtlsEngine running = engine;
        if (running == null) {
            return;
        }
        engine = null;
        running.close();
        contexts.clear();
        LOG.debug("DTLS CoAP connector on {} stopped", address);
    }

    @Override
    public void destroy() {
        stop();
    }

    @Override
    public boolean isRunning() {
        return engine != null;
    }

    /**
     * The running engine.
     *
     * @throws IllegalStateException if the connector is not running
     */
    public DtlsEngine engine() {
        DtlsEngine running = engine;
        if (running == null) {
            throw new IllegalStateException("connector not running");
        }
        return running;
    }

    @Override
    public InetSocketAddress getAddress() {
        return address;
    }

    @Override
    public String getProtocol() {
        return PROTOCOL;
    }

    @Override
    public void setRawDataReceiver(RawDataChannel value) {
        this.receiver = value;
    }

    @Override
    public void setEndpointContextMatcher(EndpointContextMatcher value) {
        this.matcher = value;
    }

    /** Datagrams reach this connector only through its engine's transport. */
    @Override
    public void processDatagram(DatagramPacket datagram) {
        throw new UnsupportedOperationException("datagrams reach a DTLS CoAP connector through its transport only");
    }

    @Override
    public String toString() {
        return "DtlsCoapConnector[" + address + "]";
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    private void received(DtlsSession session, byte[] data) {
        RawDataChannel channel = receiver;
        if (channel == null) {
            return;
        }
        RawData raw = RawData.inbound(data, contextOf(session), false, System.nanoTime(), address);
        try {
            channel.receiveData(raw);
        } catch (RuntimeException e) {
            LOG.warn("CoAP receiver failed for {}", session.peerAddress(), e);
        }
    }

    /** The endpoint context of {@code session}: built once per session, dropped when it closes. */
    private DtlsEndpointContext contextOf(DtlsSession session) {
        DtlsEndpointContext context = contexts.get(session);
        if (context != null) {
            return context;
        }
        context = newContext(session);
        if (session.isOpen()) {
            DtlsEndpointContext raced = contexts.putIfAbsent(session, context);
            if (raced != null) {
                return raced;
            }
            if (!session.isOpen()) {
                contexts.remove(session);
            }
        }
        return context;
    }

    private DtlsEndpointContext newContext(DtlsSession session) {
        IpAddress peer = (IpAddress) session.peerAddress();
        Optional<String> channel;
        try {
            channel = channelTags.channelOf(session);
        } catch (RuntimeException e) {
            LOG.warn("channel tag provider failed for {}", session.peerAddress(), e);
            channel = Optional.empty();
        }
        byte[] id = session.sessionId().isEmpty() ? substituteId() : session.sessionId().toByteArray();
        return new DtlsEndpointContext(new InetSocketAddress(peer.inetAddress(), peer.remotePort()), null,
                AssurePeerPrincipal.of(session, channel), new Bytes(id), session.epoch(),
                cipherName(session.cipherSuite()), session.establishedAt().toEpochMilli());
    }

    private byte[] substituteId() {
        // A zero-prefixed counter cannot collide with the 32 random bytes of real session ids.
        return ByteBuffer.allocate(9).put((byte) 0).putLong(substituteIds.incrementAndGet()).array();
    }

    /** IANA names, as Californium's own DTLS connector reports them. */
    static String cipherName(int suite) {
        return switch (suite) {
            case 0xC0A8 -> "TLS_PSK_WITH_AES_128_CCM_8";
            case 0xC0AE -> "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8";
            case 0xC02F -> "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
            default -> String.format("0x%04X", suite);
        };
    }

    // ---- outbound -----------------------------------------------------------------------------------------

    @Override
    public void send(RawData message) {
        Objects.requireNonNull(message, "message");
        DtlsEngine running = engine;
        if (running == null) {
            message.onError(new IllegalStateException("connector not running"));
            return;
        }
        if (message.isMulticast()) {
            message.onError(new MulticastNotSupportedException("DTLS does not support multicast"));
            return;
        }
        InetSocketAddress destination = message.getInetSocketAddress();
        if (destination == null || destination.isUnresolved() || destination.getPort() == 0) {
            message.onError(new IllegalArgumentException("no resolved destination address"));
            return;
        }
        Address peer = IpAddress.of(destination.getAddress(), address.getPort(), destination.getPort());
        Optional<DtlsSession> session = running.session(peer);
        if (session.isPresent()) {
            sendOver(session.get(), message);
            return;
        }
        EndpointContext wanted = message.getEndpointContext();
        if (wanted.hasCriticalEntries()) {
            // Bound to a session (e.g. a response to a request) that no longer exists: never start another.
            message.onError(new EndpointMismatchException("DTLS session with " + destination + " is gone"));
            return;
        }
        Optional<ClientCredentials> credentials = DtlsEndpointContext.HANDSHAKE_MODE_NONE.equals(
                wanted.getString(DtlsEndpointContext.KEY_HANDSHAKE_MODE)) ? Optional.empty() : credentialsFor(peer);
        if (credentials.isEmpty()) {
            message.onError(new EndpointUnconnectedException("no DTLS session with " + destination));
            return;
        }
        message.onConnecting();
        CompletableFuture<DtlsSession> handshake;
        try {
            handshake = connecting.computeIfAbsent(peer, p -> {
                CompletableFuture<DtlsSession> started = running.connect(p, credentials.get());
                started.whenComplete((s, e) -> connecting.remove(p, started));
                return started;
            });
        } catch (RuntimeException e) {
            message.onError(e);
            return;
        }
        handshake.whenComplete((established, error) -> {
            if (error != null) {
                message.onError(error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error);
            } else {
                sendOver(established, message);
            }
        });
    }

    private Optional<ClientCredentials> credentialsFor(Address peer) {
        if (clientCredentials.isEmpty()) {
            return Optional.empty();
        }
        try {
            return clientCredentials.get().credentialsFor(peer);
        } catch (RuntimeException e) {
            LOG.warn("client credentials provider failed for {}", peer, e);
            return Optional.empty();
        }
    }

    private void sendOver(DtlsSession session, RawData message) {
        DtlsEndpointContext context = contextOf(session);
        EndpointContextMatcher check = matcher;
        if (check != null && !check.isToBeSent(message.getEndpointContext(), context)) {
            message.onError(new EndpointMismatchException("DTLS session with " + context.getPeerAddress()
                    + " changed"));
            return;
        }
        if (message.getSize() > session.maxPayloadSize()) {
            message.onError(new IllegalArgumentException("CoAP message of " + message.getSize()
                    + " bytes exceeds the session's limit of " + session.maxPayloadSize()));
            return;
        }
        message.onContextEstablished(context);
        try {
            session.send(message.getBytes());
        } catch (IOException | RuntimeException e) {
            message.onError(e);
            return;
        }
        message.onSent();
    }

    // ---- engine events ------------------------------------------------------------------------------------

    /** Keeps the context cache in step with the sessions and forwards every event to the configured listener. */
    private final class Events implements DtlsSessionListener {
        @Override
        public void established(DtlsSession session) {
            contextOf(session);
            listener.established(session);
        }

        @Override
        public void closed(DtlsSession session, CloseReason reason) {
            contexts.remove(session);
            listener.closed(session, reason);
        }

        @Override
        public void handshakeFailed(HandshakeFailure failure) {
            listener.handshakeFailed(failure);
        }
    }

    /** Collects the connector's collaborators; the engine is built on {@link DtlsCoapConnector#start()}. */
    public static final class Builder {
        private final ChannelTransport transport;
        private final ChannelKind kind;
        private DtlsConfig config = DtlsConfig.defaults();
        private DtlsServerCredentials serverCredentials;
        private ClientCredentialsProvider clientCredentials;
        private ChannelTagProvider channelTags = session -> Optional.empty();
        private DtlsSessionListener listener = new DtlsSessionListener() {
        };
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;

        private Builder(ChannelTransport transport, ChannelKind kind) {
            this.transport = Objects.requireNonNull(transport, "transport");
            this.kind = Objects.requireNonNull(kind, "kind");
            if (transport.addressType() != AddressType.IP) {
                throw new IllegalArgumentException("the CoAP connector needs an IP transport");
            }
        }

        public Builder config(DtlsConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** Accept handshakes (CoAP server side). */
        public Builder serverCredentials(DtlsServerCredentials value) {
            this.serverCredentials = Objects.requireNonNull(value, "serverCredentials");
            return this;
        }

        /** Start client handshakes when CoAP sends to a peer without a session (CoAP client side). */
        public Builder clientCredentials(ClientCredentialsProvider value) {
            this.clientCredentials = Objects.requireNonNull(value, "clientCredentials");
            return this;
        }

        /** Tags each session's {@link AssurePeerPrincipal} with a channel; default: none. */
        public Builder channelTags(ChannelTagProvider value) {
            this.channelTags = Objects.requireNonNull(value, "channelTags");
            return this;
        }

        /** Also told every engine event (after the connector's own bookkeeping). */
        public Builder listener(DtlsSessionListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder random(SecureRandom value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * A connector, not yet started.
         *
         * @throws IllegalStateException if neither server nor client credentials were given
         */
        public DtlsCoapConnector build() {
            if (serverCredentials == null && clientCredentials == null) {
                throw new IllegalStateException("a connector needs server credentials, client credentials or both");
            }
            return new DtlsCoapConnector(this);
        }
    }
}
