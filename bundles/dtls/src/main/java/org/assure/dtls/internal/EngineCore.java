package org.assure.dtls.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.assure.core.cbor.AddressCodec;
import org.assure.core.model.Address;
import org.assure.core.model.Bytes;
import org.assure.core.model.IpAddress;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.core.transport.TransportEndpoint;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.CloseReason;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.DtlsDataHandler;
import org.assure.dtls.DtlsEngineStats;
import org.assure.dtls.DtlsHandshakeException;
import org.assure.dtls.DtlsRole;
import org.assure.dtls.DtlsServerCredentials;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.DtlsSessionListener;
import org.assure.dtls.FailureCause;
import org.assure.dtls.HandshakeFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link org.assure.dtls.DtlsEngine}: demultiplexes one transport endpoint by peer address,
 * answers cookie-less ClientHellos statelessly, runs handshakes on bounded pools and established sessions on a
 * shared worker pool.
 */
public final class EngineCore {
    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);
    private static final int RECORD_HEADER = 13;
    private static final long PURGE_SECONDS = 60;
    /** The listener of an engine built without one: nothing to wait for, so session ends need no hand-off. */
    public static final DtlsSessionListener SILENT_LISTENER = new DtlsSessionListener() {
    };
    private static final long COOKIE_ROTATION_MILLIS = 5 * 60_000;

    private final DtlsConfig config;
    private final HandshakeSettings settings;
    private final Optional<DtlsServerCredentials> serverCredentials;
    private final DtlsSessionListener listener;
    private final DtlsDataHandler dataHandler;
    private final Clock clock;
    private final SecureRandom random;
    private final Cookies cookies;
    private final ConcurrentHashMap<Address, Connection> peers = new ConcurrentHashMap<>();
    /** Connections whose own handshake has a timer armed (see {@link #tickHandshakes()}). */
    private final java.util.Set<Connection> timedHandshakes = ConcurrentHashMap.newKeySet();
    private final Semaphore serverSlots;
    /**
     * Client handshakes in flight, at most {@code maxConcurrentHandshakes}; further {@code connect}s wait in
     * {@link #pendingConnects} and start as handshakes end (thousands of connects at once would otherwise flood
     * the server past its own limit and time out in retransmissions).
     */
    private final Semaphore clientSlots;
    private final java.util.concurrent.ConcurrentLinkedQueue<PendingConnect> pendingConnects =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final LongAdder helloVerifyRequests = new LongAdder();
    private final LongAdder droppedDatagrams = new LongAdder();
    private final LongAdder droppedRecords = new LongAdder();
    private final LongAdder discardedRecords = new LongAdder();
    private final SessionCache<Bytes, CachedSession> serverCache;
    private final SessionCache<ClientCacheKey, CachedSession> clientCache;
    private final ThreadPoolExecutor workers;
    /** Raw-key handshakes' steps when {@link DtlsConfig#handshakeThreads()} > 0 (see {@link Connection}). */
    private final ThreadPoolExecutor handshakeWork;
    /** With inline drains: where a session's end found by a drain is reported (listeners may take their time). */
    private final ThreadPoolExecutor endings;
    private final ScheduledExecutorService scheduler;
    private final DropLog drops = new DropLog();
    private volatile TransportEndpoint endpoint;
    private volatile boolean closed;

    private record ClientCacheKey(Address server, Optional<UUID> ownName, Optional<UUID> serverName) {
    }

    private EngineCore(DtlsConfig config, Optional<DtlsServerCredentials> serverCredentials,
            DtlsSessionListener listener, DtlsDataHandler dataHandler, Clock clock, SecureRandom random) {
        this.config = config;
        this.settings = HandshakeSettings.of(config);
        this.serverCredentials = serverCredentials;
        this.listener = listener;
        this.dataHandler = dataHandler;
        this.clock = clock;
        this.random = random;
        // The cookie MAC is HMAC-SHA256: the connection crypto's JDK SHA-256 serves it too.
        this.cookies = new Cookies(random, COOKIE_ROTATION_MILLIS, clock.millis());
        this.serverSlots = new Semaphore(config.maxConcurrentHandshakes());
        this.clientSlots = new Semaphore(config.maxConcurrentHandshakes());
        this.serverCache = new SessionCache<>(config.sessionCacheSize(), config.sessionCacheExpiry(), clock);
        this.clientCache = new SessionCache<>(config.sessionCacheSize(), config.sessionCacheExpiry(), clock);
        this.workers = config.workerThreads() > 0 ? pool("worker", config.workerThreads()) : null;
        this.handshakeWork = config.handshakeThreads() > 0 ? pool("handshake", config.handshakeThreads()) : null;
        this.endings = workers == null ? pool("session-end", 1) : null;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads("timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
    }

    public static EngineCore start(ChannelTransport transport, ChannelKind kind, DtlsConfig config,
            Optional<DtlsServerCredentials> serverCredentials, DtlsSessionListener listener, DtlsDataHandler dataHandler,
            Clock clock, SecureRandom random) throws IOException {
        EngineCore core = new EngineCore(config, serverCredentials, listener, dataHandler, clock, random);
        try {
            core.endpoint = transport.bind(kind, core::received);
        } catch (IOException | RuntimeException e) {
            core.shutdownThreads();
            throw e;
        }
        core.scheduleTimers();
        return core;
    }

    private static ThreadPoolExecutor pool(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "assure-dtls-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void scheduleTimers() {
        scheduler.scheduleWithFixedDelay(this::purgeCaches, PURGE_SECONDS, PURGE_SECONDS, TimeUnit.SECONDS);
        // A quarter of the initial retransmission timeout, within 5..100 ms: RFC 6347 timers are coarse.
        long tick = Math.max(5, Math.min(100, config.retransmissionInitial().toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::tickHandshakes, tick, tick, TimeUnit.MILLISECONDS);
        Duration sweep = sweepInterval();
        if (sweep != null) {
            scheduler.scheduleWithFixedDelay(this::sweep, sweep.toMillis(), sweep.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** How often sessions are poked (heartbeat timers) and checked for idleness; null if neither is on. */
    private Duration sweepInterval() {
        Duration interval = null;
        if (!config.heartbeatInterval().isZero()) {
            // BouncyCastle resends an unanswered heartbeat after 1 s, doubling; a quarter interval keeps up.
            interval = min(config.heartbeatInterval().dividedBy(4), Duration.ofSeconds(1));
        }
        if (!config.idleTimeout().isZero()) {
            interval = min(interval, min(config.idleTimeout().dividedBy(4), Duration.ofSeconds(1)));
        }
        return interval == null ? null : max(interval, Duration.ofMillis(10));
    }

    private static Duration min(Duration a, Duration b) {
        return a == null ? b : (a.compareTo(b) <= 0 ? a : b);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    // ---- collaborators for connections --------------------------------------------------------------------

    SecureRandom random() {
        return random;
    }

    DropLog drops() {
        return drops;
    }

    long nowMillis() {
        return clock.millis();
    }

    int maxDatagramSize(Address peer) {
        return endpoint.maxDatagramSize(peer);
    }

    /** Whether established sessions' datagrams are decrypted and delivered on the thread that has them. */
    boolean drainsInline() {
        return workers == null;
    }

    /**
     * A drain found the session over. With inline drains (on the receive thread) the listener's {@code closed}
     * runs on the session-end thread, so a listener that takes its time (channel bookkeeping, event delivery) does
     * not hold up every other peer's datagrams; with a worker pool it runs on the worker, as before.
     */
    void sessionEnded(Connection connection, CloseReason reason) {
        if (endings == null || listener == SILENT_LISTENER) {
            closeSession(connection, reason);
            return;
        }
        try {
            endings.execute(() -> closeSession(connection, reason));
        } catch (RejectedExecutionException e) {
            closeSession(connection, reason);
        }
    }

    void handshakeTimerArmed(Connection connection) {
        timedHandshakes.add(connection);
    }

    void handshakeTimerIdle(Connection connection) {
        timedHandshakes.remove(connection);
    }

    /** Retransmission and handshake timeouts of own handshakes, at the ticker's granularity. */
    private void tickHandshakes() {
        if (timedHandshakes.isEmpty()) {
            return;
        }
        long now = clock.millis();
        for (Connection connection : timedHandshakes) {
            try {
                connection.ownTick(now);
            } catch (RuntimeException e) {
                LOG.warn("handshake timer failed for {}", connection.peerAddress(), e);
            }
        }
    }

    /** Whether raw-key handshakes run on the handshake pool rather than on the thread that has their datagrams. */
    boolean offloadsHandshakes() {
        return handshakeWork != null;
    }

    /** Runs a connection's handshake steps on the handshake pool; false once the engine is closing. */
    boolean executeHandshake(Runnable task) {
        try {
            handshakeWork.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** A datagram queued for a handshake that has ended since: demultiplexed again, as if it arrived now. */
    void redispatch(Address from, byte[] datagram) {
        demultiplex(from, datagram, true);
    }

    /** A handshake datagram the connection could not take any more (closed, or its handshake not in place). */
    void handshakeDatagramDropped(Address from) {
        droppedDatagrams.increment();
        drops.drop("datagram (handshake over)", from);
    }

    boolean execute(Runnable task) {
        if (workers == null) {
            task.run();
            return true;
        }
        try {
            workers.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    void send(Address peer, byte[] data, int offset, int length) {
        try {
            endpoint.send(peer, data, offset, length);
        } catch (IOException | RuntimeException e) {
            // UDP is lossy anyway; DTLS retransmits handshakes, and a lost record is a lost datagram.
            LOG.debug("send to {} failed: {}", peer, e.toString());
        }
    }

    void deliver(Connection session, byte[] data) {
        try {
            dataHandler.received(session, data);
        } catch (RuntimeException e) {
            LOG.warn("data handler failed for {}", session.peerAddress(), e);
        }
    }

    void recordDiscarded(Address peer) {
        discardedRecords.increment();
        drops.drop("replayed or stale record", peer);
    }

    void recordDropped(Address peer) {
        droppedRecords.increment();
        drops.drop("record failing authentication", peer);
    }

    // ---- demultiplexing -----------------------------------------------------------------------------------

    private void received(Address from, byte[] datagram) {
        demultiplex(from, datagram, false);
    }

    /** @param fromLane the datagram waited on its connection's handshake lane (see {@link #redispatch}) */
    private void demultiplex(Address from, byte[] datagram, boolean fromLane) {
        if (closed) {
            return;
        }
        Connection connection = peers.get(from);
        if (connection != null && connection.isClosed()) {
            // Closing right now (its removal from the map follows): the datagram is for whatever comes next.
            peers.remove(from, connection);
            connection = null;
        }
        if (connection != null && !fromLane) {
            // Earlier datagrams of this peer may still wait on the handshake lane: this one goes after them, so a
            // ClientHello cannot replace the session before the records that arrived ahead of it are read.
            int lane = connection.queueBehindLane(datagram);
            if (lane == Connection.LANE_FULL) {
                droppedDatagrams.increment();
                drops.drop("datagram (queue full)", from);
            }
            if (lane != Connection.LANE_IDLE) {
                return;
            }
        }
        if (connection != null) {
            if (connection.isEstablished() && serverCredentials.isPresent() && isClientHello(datagram)) {
                // RFC 6347 §4.2.8: a new ClientHello from a known address, e.g. after a reboot; a late
                // retransmission of the ClientHello that made this session is not one.
                if (connection.isOwnClientHello(datagram)) {
                    droppedDatagrams.increment();
                } else {
                    acceptClientHello(from, datagram, connection);
                }
            } else if (!connection.offer(datagram)) {
                droppedDatagrams.increment();
                drops.drop("datagram (queue full)", from);
            }
            return;
        }
        if (serverCredentials.isEmpty() || !isClientHello(datagram)) {
            droppedDatagrams.increment();
            drops.drop("datagram from unknown peer", from);
            return;
        }
        acceptClientHello(from, datagram, null);
    }

    static boolean isClientHello(byte[] datagram) {
        return datagram.length > RECORD_HEADER && datagram[0] == 22 && datagram[3] == 0 && datagram[4] == 0
                && datagram[RECORD_HEADER] == 1;
    }

    /** A ClientHello parsed from the first record of a datagram. */
    private record ParsedHello(long recordSeq, int messageSeq, byte[] message, byte[] body, Wire.ClientHello hello) {
    }

    private static ParsedHello parseClientHello(byte[] datagram) {
        Wire.RecordHeader record = Wire.record(datagram, 0, datagram.length);
        if (record == null || record.type() != Wire.CT_HANDSHAKE || record.epoch() != 0) {
            return null;
        }
        try {
            Wire.FragmentHeader header = Wire.fragment(datagram, record.offset(), record.length());
            // A ClientHello must come whole in one record: the server keeps no state to reassemble one.
            if (header.type() != Wire.HT_CLIENT_HELLO || header.fragmentOffset() != 0
                    || header.fragmentLength() != header.length()) {
                return null;
            }
            int start = record.offset() + Wire.HANDSHAKE_HEADER;
            byte[] body = java.util.Arrays.copyOfRange(datagram, start, start + header.length());
            byte[] message = java.util.Arrays.copyOfRange(datagram, record.offset(), start + header.length());
            return new ParsedHello(record.seq(), header.messageSeq(), message, body, Wire.ClientHello.decode(body));
        } catch (Wire.DecodeException e) {
            return null;
        }
    }

    /** The peer's address as the cookie binds it: IP address and ports directly, other links by their codec. */
    private static byte[] cookieAddress(Address from) {
        if (from instanceof IpAddress ip) {
            byte[] address = ip.remoteAddress().toByteArray();
            byte[] bound = java.util.Arrays.copyOf(address, address.length + 4);
            bound[address.length] = (byte) (ip.localPort() >>> 8);
            bound[address.length + 1] = (byte) ip.localPort();
            bound[address.length + 2] = (byte) (ip.remotePort() >>> 8);
            bound[address.length + 3] = (byte) ip.remotePort();
            return bound;
        }
        return AddressCodec.encode(from);
    }

    /** Stateless until the cookie is valid: a ClientHello without one is answered with a HelloVerifyRequest. */
    private void acceptClientHello(Address from, byte[] datagram, Connection existing) {
        ParsedHello parsed = parseClientHello(datagram);
        if (parsed == null) {
            droppedDatagrams.increment();
            drops.drop("malformed ClientHello", from);
            return;
        }
        byte[] peer = cookieAddress(from);
        long now = clock.millis();
        if (!cookies.valid(peer, parsed.hello(), now)) {
            byte[] verify = Cookies.helloVerifyRequest(parsed.recordSeq(), cookies.cookie(peer, parsed.hello(), now));
            send(from, verify, 0, verify.length);
            helloVerifyRequests.increment();
            return;
        }
        if (existing == null && sessions.get() >= config.maxSessions()) {
            droppedDatagrams.increment();
            drops.drop("ClientHello (session limit)", from);
            return;
        }
        if (!serverSlots.tryAcquire()) {
            droppedDatagrams.increment();
            drops.drop("ClientHello (handshake limit)", from);
            return;
        }
        OwnServerStart own = ownServerStart(from, parsed);
        Connection connection = new Connection(this, from, DtlsRole.SERVER);
        connection.clientHello(datagram);
        // The session being replaced may have ended meanwhile (typically its peer's close_notify, sent right before
        // this ClientHello, was processed while the cookie was checked): then the address is simply free. Dropping
        // the ClientHello here cost the client a whole retransmission timeout.
        boolean placed = existing == null ? peers.putIfAbsent(from, connection) == null
                : peers.replace(from, existing, connection) || peers.putIfAbsent(from, connection) == null;
        if (!placed) {
            serverSlots.release();
            droppedDatagrams.increment();
            return;
        }
        if (existing != null) {
            replaceSession(existing);
        }
        handshakes.incrementAndGet();
        connection.startOwnServer(settings, own.body(), own.hello(), own.messageSeq(), own.peerName(),
                own.credentials(), own.earlyAlert(), serverCache, own.outcome(),
                handshakeWork != null && own.rawKey());
    }

    /** What the own server handshake starts from. */
    private record OwnServerStart(byte[] body, Wire.ClientHello hello, int messageSeq, Optional<UUID> peerName,
            Optional<org.assure.dtls.ServerCredentials> credentials, int earlyAlert, HandshakeOutcome outcome) {
        /** Whether this handshake will be a raw-key one (EC or RSA work), not PSK or a refusal. */
        boolean rawKey() {
            return credentials.isPresent() && credentials.get().rawKey().isPresent()
                    && (credentials.get().psk().isEmpty() || !hello.offers(Wire.TLS_PSK_WITH_AES_128_CCM_8));
        }
    }

    /**
     * What a (cookie-verified) ClientHello starts: its Peer Name Indication and the credentials the callback chose
     * for that name (empty: refused before any key operation), or the alert a malformed name or a failing callback
     * ends the handshake with.
     */
    private OwnServerStart ownServerStart(Address from, ParsedHello parsed) {
        Wire.ClientHello hello = parsed.hello();
        HandshakeOutcome outcome = new HandshakeOutcome();
        Optional<UUID> peerName = Optional.empty();
        byte[] name = hello.extensions.get(settings.peerNameExtension());
        if (name != null) {
            peerName = PeerNameExtension.decode(name);
            if (peerName.isEmpty()) {
                return new OwnServerStart(parsed.body(), hello, parsed.messageSeq(), peerName, Optional.empty(),
                        OwnChannel.DECODE_ERROR, outcome);
            }
        }
        Optional<org.assure.dtls.ServerCredentials> selected;
        try {
            selected = serverCredentials.get().select(from, peerName);
        } catch (RuntimeException e) {
            LOG.debug("credential callback failed for {}", from, e);
            return new OwnServerStart(parsed.body(), hello, parsed.messageSeq(), peerName, Optional.empty(),
                    OwnChannel.INTERNAL_ERROR, outcome);
        }
        if (selected == null) {
            selected = Optional.empty();
        }
        return new OwnServerStart(parsed.body(), hello, parsed.messageSeq(), peerName, selected, 0, outcome);
    }

    /** An own handshake completed (either role), on the thread that completed it. */
    void ownHandshakeCompleted(Connection connection) {
        OwnChannel own = connection.own();
        try {
            if (connection.role() == DtlsRole.CLIENT) {
                CachedSession toCache = own.sessionToCache();
                if (toCache != null && connection.clientCacheKey instanceof ClientCacheKey key) {
                    clientCache.put(key, toCache);
                }
            }
            connection.establishedOwn(clock.instant());
            sessions.incrementAndGet();
            afterEstablished(connection, own.identity());
            if (connection.connectResult != null) {
                connection.connectResult.complete(connection);
            }
        } finally {
            handshakeEnded(connection);
        }
    }

    /** An own handshake failed (either role). */
    void ownHandshakeFailed(Connection connection, Throwable error) {
        try {
            if (connection.role() == DtlsRole.CLIENT && connection.fromCache
                    && connection.clientCacheKey instanceof ClientCacheKey key) {
                clientCache.remove(key);
            }
            HandshakeFailure failure = handshakeFailed(connection, connection.role(), connection.own().outcome(), error);
            if (connection.connectResult != null) {
                connection.connectResult.completeExceptionally(new DtlsHandshakeException(failure, error));
            }
        } finally {
            handshakeEnded(connection);
        }
    }

    private void handshakeEnded(Connection connection) {
        handshakes.decrementAndGet();
        if (connection.role() == DtlsRole.SERVER) {
            serverSlots.release();
        } else {
            clientSlots.release();
            startPendingConnects();
        }
    }

    public CompletableFuture<DtlsSession> connect(Address target, ClientCredentials credentials) {
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
        Address server = asReceived(target);
        CompletableFuture<DtlsSession> result = new CompletableFuture<>();
        Connection connection = new Connection(this, server, DtlsRole.CLIENT);
        Connection previous = peers.put(server, connection);
        if (previous != null) {
            if (previous.isEstablished()) {
                replaceSession(previous);
            } else {
                previous.markClosed();
            }
        }
        handshakes.incrementAndGet();
        ClientCacheKey key = new ClientCacheKey(server, credentials.ownName(), credentials.expectedServerName());
        Optional<CachedSession> cached = clientCache.get(key);
        connection.connectResult = result;
        connection.clientCacheKey = key;
        connection.fromCache = cached.isPresent();
        PendingConnect start = new PendingConnect(connection, credentials, cached);
        if (clientSlots.tryAcquire()) {
            // The ClientHello goes out from the caller's thread; the rest happens where the answers arrive.
            startClient(start);
        } else {
            pendingConnects.add(start);
            startPendingConnects();
        }
        return result;
    }

    private record PendingConnect(Connection connection, ClientCredentials credentials,
            Optional<CachedSession> cached) {
    }

    private void startClient(PendingConnect start) {
        Connection connection = start.connection();
        if (connection.isClosed() || closed) {
            abandon(start);
            clientSlots.release();
            startPendingConnects();
            return;
        }
        connection.startOwnClient(settings, start.credentials(), start.cached(), new HandshakeOutcome());
    }

    /** A connect replaced or cut by the engine's close before its turn came: fails as a started one would. */
    private void abandon(PendingConnect start) {
        Connection connection = start.connection();
        connection.markClosed();
        peers.remove(connection.peerAddress(), connection);
        handshakes.decrementAndGet();
        HandshakeFailure failure = new HandshakeFailure(connection.peerAddress(), DtlsRole.CLIENT, FailureCause.OTHER,
                Optional.empty(), Optional.empty());
        connection.connectResult.completeExceptionally(new DtlsHandshakeException(failure,
                new java.nio.channels.ClosedChannelException()));
    }

    /** Starts waiting connects while client handshake slots are free. */
    private void startPendingConnects() {
        while (!pendingConnects.isEmpty() && clientSlots.tryAcquire()) {
            PendingConnect next = pendingConnects.poll();
            if (next == null) {
                clientSlots.release();
                return;
            }
            startClient(next);
        }
    }

    /**
     * The peer address as the transport reports datagrams from it: for IP, with this endpoint's local port (a
     * channel is identified by local port, remote address and remote port, PROFILE §7).
     */
    private Address asReceived(Address peer) {
        if (peer instanceof IpAddress ip && endpoint.localAddress() instanceof IpAddress local) {
            return new IpAddress(ip.remoteAddress(), local.localPort(), ip.remotePort());
        }
        return peer;
    }

    private void afterEstablished(Connection connection, PeerIdentity identity) {
        if (!connection.isEstablished() || peers.get(connection.peerAddress()) != connection || closed) {
            // Replaced or closed while the handshake ran.
            closeSession(connection, closed ? CloseReason.ENGINE_CLOSED : CloseReason.REPLACED);
            return;
        }
        LOG.debug("DTLS session with {} established ({}, {})", connection.peerAddress(), connection.role(),
                identity.type());
        try {
            listener.established(connection);
        } catch (RuntimeException e) {
            LOG.warn("session listener failed", e);
        }
        if (serverCredentials.isPresent()) {
            for (byte[] hello : connection.takeClientHellos()) {
                received(connection.peerAddress(), hello);
            }
        }
        connection.poke();
    }

    private HandshakeFailure handshakeFailed(Connection connection, DtlsRole role, HandshakeOutcome outcome,
            Throwable error) {
        peers.remove(connection.peerAddress(), connection);
        connection.markClosed();
        HandshakeFailure failure = new HandshakeFailure(connection.peerAddress(), role, outcome.classify(error),
                outcome.peerName(), outcome.alert());
        drops.drop(role.name().toLowerCase() + " handshake failing with " + failure.cause(), connection.peerAddress());
        try {
            listener.handshakeFailed(failure);
        } catch (RuntimeException e) {
            LOG.warn("session listener failed", e);
        }
        return failure;
    }

    // ---- sessions -----------------------------------------------------------------------------------------

    /** Ends an established session once; sends close_notify when the end is ours. */
    void closeSession(Connection connection, CloseReason reason) {
        closeSession(connection, reason, reason == CloseReason.LOCAL || reason == CloseReason.IDLE_TIMEOUT
                || reason == CloseReason.REPLACED || reason == CloseReason.ENGINE_CLOSED);
    }

    /**
     * Ends a session that a new handshake with the same peer replaces, without close_notify: the peer has started
     * over (its new ClientHello is here) or is about to (ours is going out, and RFC 6347 §4.2.8 makes it drop the
     * old session when that arrives). Either way the old epoch's close_notify could only reach a peer that no longer
     * has the keys, which counts it as a record failing authentication, and answer it with one of its own that does
     * the same here.
     */
    private void replaceSession(Connection connection) {
        closeSession(connection, CloseReason.REPLACED, false);
    }

    private void closeSession(Connection connection, CloseReason reason, boolean notifyPeer) {
        if (!connection.markClosed()) {
            return;
        }
        peers.remove(connection.peerAddress(), connection);
        sessions.decrementAndGet();
        if (notifyPeer) {
            connection.closeRecordLayer();
        }
        LOG.debug("DTLS session with {} closed: {}", connection.peerAddress(), reason);
        try {
            listener.closed(connection, reason);
        } catch (RuntimeException e) {
            LOG.warn("session listener failed", e);
        }
    }

    private void sweep() {
        boolean heartbeat = !config.heartbeatInterval().isZero();
        long idleMillis = config.idleTimeout().toMillis();
        long now = clock.millis();
        for (Connection connection : peers.values()) {
            if (!connection.isEstablished()) {
                continue;
            }
            if (idleMillis > 0 && now - connection.lastReceiveMillis() >= idleMillis) {
                closeSession(connection, CloseReason.IDLE_TIMEOUT);
            } else if (heartbeat) {
                connection.poke();
            }
        }
    }

    private void purgeCaches() {
        serverCache.purge();
        clientCache.purge();
    }

    public Address localAddress() {
        return endpoint.localAddress();
    }

    public Optional<DtlsSession> session(Address peer) {
        Connection connection = peers.get(asReceived(peer));
        return connection != null && connection.isEstablished() ? Optional.of(connection) : Optional.empty();
    }

    public List<DtlsSession> sessions() {
        List<DtlsSession> list = new ArrayList<>();
        for (Connection connection : peers.values()) {
            if (connection.isEstablished()) {
                list.add(connection);
            }
        }
        return list;
    }

    public DtlsEngineStats stats() {
        return new DtlsEngineStats(sessions.get(), handshakes.get(), peers.size(), helloVerifyRequests.sum(),
                droppedDatagrams.sum(), droppedRecords.sum(), serverCache.size() + clientCache.size(),
                discardedRecords.sum());
    }

    public void clearSessionCache() {
        serverCache.clear();
        clientCache.clear();
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Connection connection : peers.values()) {
            if (connection.isEstablished()) {
                closeSession(connection, CloseReason.ENGINE_CLOSED);
            } else {
                connection.markClosed();
            }
        }
        for (PendingConnect pending = pendingConnects.poll(); pending != null; pending = pendingConnects.poll()) {
            abandon(pending);
        }
        shutdownThreads();
        TransportEndpoint bound = endpoint;
        if (bound != null) {
            bound.close();
        }
        peers.clear();
        clearSessionCache();
    }

    private void shutdownThreads() {
        scheduler.shutdownNow();
        if (workers != null) {
            workers.shutdown();
        }
        if (handshakeWork != null) {
            handshakeWork.shutdown();
        }
        if (endings != null) {
            endings.shutdown();
        }
    }
}
