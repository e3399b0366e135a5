package org.assure.dtls.internal;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.assure.core.model.Address;
import org.assure.core.model.Bytes;
import org.assure.dtls.CloseReason;
import org.assure.dtls.CredentialType;
import org.assure.dtls.DtlsRole;
import org.assure.dtls.DtlsSession;

/**
 * All state for one peer address: the engine's own DTLS ({@link OwnChannel}: handshake, then the record layer of
 * the established session) and a queue of datagrams for the established session. No thread of its own: handshake
 * datagrams are processed on the thread that received them, established sessions' datagrams are decrypted by a
 * drain (inline on the receive thread, or on a worker), one drain at a time per connection.
 */
final class Connection implements DtlsSession {
    private static final int MAX_QUEUED = 64;
    /** Record header (13), handshake header (12), client_version (2). */
    private static final int HELLO_RANDOM_OFFSET = 27;
    private static final int MODE_HANDSHAKE = 0;
    private static final int MODE_ESTABLISHED = 1;
    private static final int MODE_CLOSED = 2;
    private static final int DRAIN_IDLE = 0;
    private static final int DRAIN_RUNNING = 1;
    private static final int DRAIN_AGAIN = 2;

    private final EngineCore engine;
    private final Address peer;
    private final DtlsRole role;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>(4);
    private final AtomicInteger drain = new AtomicInteger();
    /**
     * Serialises every use of the own channel (record layer and handshake): a send from an application thread, a
     * drain, the handshake ticker and the receive thread. Sequence numbers and the replay window live there.
     */
    private final Object recordLayer = new Object();

    private volatile int mode = MODE_HANDSHAKE;
    private volatile long lastReceiveMillis;
    private volatile byte[] helloRandom;

    /** The engine's own DTLS: handshake and record layer. */
    private volatile OwnChannel own;
    /**
     * A raw-key handshake's steps (its start, then its datagrams) when the engine has a handshake pool: run in
     * arrival order, one at a time, on that pool, so the receive thread only demultiplexes and the EC work of
     * many handshakes spreads over the cores. Guarded by itself; {@link #laneRunning} too.
     */
    private final ArrayDeque<Runnable> lane = new ArrayDeque<>(2);
    private boolean laneRunning;
    private volatile boolean offloaded;
    private final OwnHost ownHost = new OwnHost();
    /** When the own handshake's timer is due (engine clock, ms); -1 when not armed. Under {@code recordLayer}. */
    private volatile long ownTimerDue = -1;
    private boolean ownReported;
    /** Decrypted application data collected under the lock, delivered after it. */
    private java.util.List<byte[]> ownDelivered;
    /** Client side of an own handshake: what connect() returned and how to cache the session. */
    java.util.concurrent.CompletableFuture<DtlsSession> connectResult;
    Object clientCacheKey;
    boolean fromCache;

    private PeerIdentity identity;
    private int cipherSuite;
    private Bytes sessionId;
    private boolean resumed;
    private Instant establishedAt;

    Connection(EngineCore engine, Address peer, DtlsRole role) {
        this.engine = engine;
        this.peer = peer;
        this.role = role;
    }

    boolean isEstablished() {
        return mode == MODE_ESTABLISHED;
    }

    boolean isClosed() {
        return mode == MODE_CLOSED;
    }

    /** Remembers the client random of the ClientHello that started this server handshake. */
    void clientHello(byte[] datagram) {
        if (datagram.length >= HELLO_RANDOM_OFFSET + 32) {
            helloRandom = java.util.Arrays.copyOfRange(datagram, HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + 32);
        }
    }

    /** True for a (retransmitted) ClientHello of the handshake that made this connection. */
    boolean isOwnClientHello(byte[] datagram) {
        byte[] ownRandom = helloRandom;
        return ownRandom != null && datagram.length >= HELLO_RANDOM_OFFSET + 32 && java.util.Arrays.equals(ownRandom, 0,
                32, datagram, HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + 32);
    }

    /**
     * Removes and returns the ClientHellos (epoch 0) queued while the handshake was finishing: a client that starts
     * a new handshake right after completing one must not see its ClientHello swallowed by the old session.
     */
    java.util.List<byte[]> takeClientHellos() {
        java.util.List<byte[]> hellos = new java.util.ArrayList<>(0);
        synchronized (this) {
            for (java.util.Iterator<byte[]> it = queue.iterator(); it.hasNext();) {
                byte[] datagram = it.next();
                if (EngineCore.isClientHello(datagram) && !isOwnClientHello(datagram)) {
                    it.remove();
                    hellos.add(datagram);
                }
            }
        }
        return hellos;
    }

    long lastReceiveMillis() {
        return lastReceiveMillis;
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    /** Takes a datagram from the demultiplexer; false if the queue is full or the connection closed. */
    boolean offer(byte[] datagram) {
        if (mode == MODE_HANDSHAKE) {
            if (offloaded) {
                return onLane(laneStep(datagram));
            }
            return ownHandshakeDatagram(datagram);
        }
        synchronized (this) {
            if (mode == MODE_CLOSED || queue.size() >= MAX_QUEUED) {
                return false;
            }
            queue.add(datagram);
        }
        if (engine.drainsInline()) {
            drainHere();
        } else {
            scheduleDrain();
        }
        return true;
    }

    /**
     * Decrypts and delivers on the calling (receive) thread unless a drain is already running elsewhere, which then
     * loops once more for this datagram: no hand-off per record.
     */
    private void drainHere() {
        for (;;) {
            int state = drain.get();
            if (state == DRAIN_IDLE) {
                if (drain.compareAndSet(DRAIN_IDLE, DRAIN_RUNNING)) {
                    drain();
                    return;
                }
            } else if (state == DRAIN_AGAIN || drain.compareAndSet(DRAIN_RUNNING, DRAIN_AGAIN)) {
                return;
            }
        }
    }

    /** Runs the session's timers (heartbeat) even without a datagram. */
    void poke() {
        if (mode == MODE_ESTABLISHED) {
            if (engine.drainsInline()) {
                drainHere();
            } else {
                scheduleDrain();
            }
        }
    }

    private void scheduleDrain() {
        // IDLE -> RUNNING submits a drain; RUNNING -> AGAIN makes the running drain loop once more.
        for (;;) {
            int state = drain.get();
            if (state == DRAIN_IDLE) {
                if (drain.compareAndSet(DRAIN_IDLE, DRAIN_RUNNING)) {
                    if (!engine.execute(this::drain)) {
                        drain.set(DRAIN_IDLE);
                    }
                    return;
                }
            } else if (state == DRAIN_AGAIN || drain.compareAndSet(DRAIN_RUNNING, DRAIN_AGAIN)) {
                return;
            }
        }
    }

    private void drain() {
        do {
            drain.set(DRAIN_RUNNING);
            CloseReason end = ownReceiveQueued();
            if (end != null) {
                drain.set(DRAIN_IDLE);
                engine.sessionEnded(this, end);
                return;
            }
        } while (!drain.compareAndSet(DRAIN_RUNNING, DRAIN_IDLE));
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------

    /** Marks the connection closed; true only for the first caller. An own handshake in progress is reported. */
    boolean markClosed() {
        boolean abandoned;
        synchronized (this) {
            if (mode == MODE_CLOSED) {
                return false;
            }
            abandoned = own != null && mode == MODE_HANDSHAKE;
            mode = MODE_CLOSED;
            queue.clear();
        }
        if (own != null) {
            synchronized (recordLayer) {
                cancelOwnTimer();
            }
        }
        if (abandoned) {
            // Replaced or engine closed while the handshake ran.
            reportOwn(new ClosedChannelException());
        }
        return true;
    }

    /** Sends close_notify on an established session. */
    void closeRecordLayer() {
        OwnChannel channel = own;
        if (channel == null) {
            return;
        }
        synchronized (recordLayer) {
            if (channel.established()) {
                channel.sendAlert(OwnChannel.ALERT_WARNING, OwnChannel.CLOSE_NOTIFY);
            }
        }
    }

    // ---- the engine's own DTLS ----------------------------------------------------------------------------

    /** A datagram's step on the handshake lane. */
    private Runnable laneStep(byte[] datagram) {
        return () -> {
            if (mode != MODE_HANDSHAKE) {
                // The handshake ended while this waited (the client may already have sent data or, having
                // finished, a ClientHello for its next session): the demultiplexer decides again.
                engine.redispatch(peer, datagram);
            } else if (!ownHandshakeDatagram(datagram)) {
                engine.handshakeDatagramDropped(peer);
            }
        };
    }

    static final int LANE_IDLE = 0;
    static final int LANE_QUEUED = 1;
    static final int LANE_FULL = 2;

    /**
     * Queues a datagram behind the steps still waiting on (or running on) the handshake lane, whatever the
     * connection's state, so this peer's datagrams are handled in arrival order.
     *
     * @return {@link #LANE_IDLE} (nothing waits: handle it now), {@link #LANE_QUEUED} or {@link #LANE_FULL}
     */
    int queueBehindLane(byte[] datagram) {
        if (!offloaded) {
            return LANE_IDLE;
        }
        synchronized (lane) {
            if (!laneRunning) {
                return LANE_IDLE;
            }
            if (lane.size() >= MAX_QUEUED) {
                return LANE_FULL;
            }
            lane.add(laneStep(datagram));
            return LANE_QUEUED;
        }
    }

    /** Queues a handshake step on the lane; false if the lane is full. */
    private boolean onLane(Runnable step) {
        synchronized (lane) {
            if (lane.size() >= MAX_QUEUED) {
                return false;
            }
            lane.add(step);
            if (laneRunning) {
                return true;
            }
            laneRunning = true;
        }
        if (!engine.executeHandshake(this::runLane)) {
            // The engine is closing: the steps find the connection closed and end the handshake.
            runLane();
        }
        return true;
    }

    private void runLane() {
        for (;;) {
            Runnable step;
            synchronized (lane) {
                step = lane.poll();
                if (step == null) {
                    laneRunning = false;
                    return;
                }
            }
            step.run();
        }
    }

    /**
     * Starts an own client handshake on the caller's thread: the ClientHello goes out now. A raw-key-only client's
     * later steps go to the engine's handshake pool when it has one.
     */
    void startOwnClient(HandshakeSettings settings, org.assure.dtls.ClientCredentials credentials,
            Optional<CachedSession> cached, HandshakeOutcome outcome) {
        offloaded = engine.offloadsHandshakes() && credentials.psk().isEmpty() && credentials.rawKey().isPresent();
        synchronized (recordLayer) {
            own = OwnChannel.client(ownHost, settings, credentials, cached, outcome);
            own.startClient();
        }
        afterOwn();
    }

    /**
     * Starts an own server handshake on a verified ClientHello: here (receive thread), or as the first step of the
     * lane when {@code offload} (a raw-key handshake on an engine with a handshake pool).
     */
    void startOwnServer(HandshakeSettings settings, byte[] helloBody, Wire.ClientHello hello, int messageSeq,
            Optional<UUID> peerName, Optional<org.assure.dtls.ServerCredentials> credentials, int earlyAlert,
            SessionCache<Bytes, CachedSession> cache, HandshakeOutcome outcome, boolean offload) {
        Runnable start = () -> {
            boolean closedMeanwhile;
            synchronized (recordLayer) {
                own = OwnChannel.server(ownHost, settings, helloBody, hello, messageSeq, peerName, credentials,
                        earlyAlert, cache, outcome);
                closedMeanwhile = mode == MODE_CLOSED;
                if (!closedMeanwhile) {
                    own.startServer();
                }
            }
            if (closedMeanwhile) {
                // Replaced or engine closed before this step ran: end the handshake (releases its slot).
                reportOwn(new ClosedChannelException());
                return;
            }
            afterOwn();
        };
        if (offload) {
            offloaded = true;
            onLane(start);
        } else {
            start.run();
        }
    }

    OwnChannel own() {
        return own;
    }

    /** Sends one record of any content type in the current write epoch (tests: renegotiation attempts). */
    void sendOwnRecord(int contentType, byte[] data) {
        synchronized (recordLayer) {
            own.sendRecord(contentType, data, 0, data.length);
        }
    }

    private boolean ownHandshakeDatagram(byte[] datagram) {
        synchronized (recordLayer) {
            if (mode == MODE_CLOSED || own == null) {
                // Closed, or a client's channel not in place yet (a late record of the session it replaces).
                return false;
            }
            if (mode == MODE_ESTABLISHED) {
                // Established meanwhile: the ordinary path.
                synchronized (this) {
                    queue.add(datagram);
                }
            } else {
                own.receive(datagram);
            }
        }
        afterOwn();
        if (mode == MODE_ESTABLISHED) {
            poke();
        }
        return true;
    }

    /** The engine's handshake ticker: runs the own handshake's timer if it is due. */
    void ownTick(long now) {
        long due = ownTimerDue;
        if (due < 0 || now < due) {
            return;
        }
        synchronized (recordLayer) {
            if (mode != MODE_HANDSHAKE || ownTimerDue < 0 || now < ownTimerDue) {
                return;
            }
            ownTimerDue = -1;
            engine.handshakeTimerIdle(this);
            own.onTimer();
        }
        afterOwn();
    }

    private void cancelOwnTimer() {
        if (ownTimerDue >= 0) {
            ownTimerDue = -1;
            engine.handshakeTimerIdle(this);
        }
    }

    /** Reports what the last call into the own channel produced, outside its lock. */
    private void afterOwn() {
        deliverOwn();
        OwnChannel channel = own;
        if (channel == null || ownReported) {
            return;
        }
        Throwable failure = channel.failed;
        if (channel.completed || failure != null) {
            reportOwn(failure);
        }
    }

    private void reportOwn(Throwable failure) {
        synchronized (recordLayer) {
            if (ownReported) {
                return;
            }
            ownReported = true;
            cancelOwnTimer();
        }
        if (failure == null) {
            engine.ownHandshakeCompleted(this);
        } else {
            engine.ownHandshakeFailed(this, failure);
        }
    }

    private void deliverOwn() {
        java.util.List<byte[]> delivered;
        synchronized (recordLayer) {
            delivered = ownDelivered;
            ownDelivered = null;
        }
        if (delivered != null) {
            for (byte[] data : delivered) {
                engine.deliver(this, data);
            }
        }
    }

    /** The own record layer's drain: every queued datagram, then the heartbeat timers. */
    private CloseReason ownReceiveQueued() {
        while (mode == MODE_ESTABLISHED) {
            byte[] datagram;
            synchronized (this) {
                datagram = queue.poll();
            }
            if (datagram == null) {
                break;
            }
            int accepted;
            boolean renegotiation;
            synchronized (recordLayer) {
                accepted = own.receive(datagram);
                renegotiation = own.renegotiationRefused;
                own.renegotiationRefused = false;
            }
            if (accepted == 0) {
                engine.recordDiscarded(peer);
            }
            if (renegotiation) {
                engine.drops().drop("renegotiation attempt", peer);
            }
            deliverOwn();
            if (own.ended != null) {
                return own.ended;
            }
        }
        if (mode == MODE_ESTABLISHED) {
            synchronized (recordLayer) {
                own.pokeHeartbeat(lastReceiveMillis);
            }
            if (own.ended != null) {
                return own.ended;
            }
        }
        return null;
    }

    void establishedOwn(Instant at) {
        this.identity = own.identity();
        this.cipherSuite = own.cipherSuite();
        this.sessionId = own.sessionId();
        this.resumed = own.resumed();
        this.establishedAt = at;
        this.lastReceiveMillis = engine.nowMillis();
        synchronized (this) {
            if (mode == MODE_HANDSHAKE) {
                mode = MODE_ESTABLISHED;
            }
        }
    }

    /** The own channel's view of this connection. Always called under {@code recordLayer}. */
    private final class OwnHost implements OwnChannel.Host {
        @Override
        public void sendDatagram(byte[] data, int off, int len) {
            engine.send(peer, data, off, len);
        }

        @Override
        public int datagramLimit() {
            return engine.maxDatagramSize(peer);
        }

        @Override
        public long nowMillis() {
            return engine.nowMillis();
        }

        @Override
        public byte[] randomBytes(int n) {
            byte[] bytes = new byte[n];
            engine.random().nextBytes(bytes);
            return bytes;
        }

        @Override
        public java.security.SecureRandom secureRandom() {
            return engine.random();
        }

        @Override
        public void armTimer(long delayMillis) {
            if (delayMillis >= 0 && mode == MODE_HANDSHAKE) {
                // No scheduled task per handshake (each one woke the timer thread): the engine's ticker looks.
                ownTimerDue = engine.nowMillis() + delayMillis;
                engine.handshakeTimerArmed(Connection.this);
            } else {
                cancelOwnTimer();
            }
        }

        @Override
        public void recordDropped() {
            engine.recordDropped(peer);
        }

        @Override
        public void recordDiscarded() {
            engine.recordDiscarded(peer);
        }

        @Override
        public void authenticated() {
            lastReceiveMillis = engine.nowMillis();
        }

        @Override
        public void deliver(byte[] data) {
            if (ownDelivered == null) {
                ownDelivered = new java.util.ArrayList<>(2);
            }
            ownDelivered.add(data);
        }
    }

    // ---- DtlsSession --------------------------------------------------------------------------------------

    @Override
    public Address peerAddress() {
        return peer;
    }

    @Override
    public DtlsRole role() {
        return role;
    }

    @Override
    public Optional<UUID> peerName() {
        return identity.peerName();
    }

    @Override
    public Optional<UUID> peerId() {
        return identity.peerId();
    }

    @Override
    public UUID keyId() {
        return identity.keyId();
    }

    @Override
    public CredentialType credentialType() {
        return identity.type();
    }

    @Override
    public int cipherSuite() {
        return cipherSuite;
    }

    @Override
    public Bytes sessionId() {
        return sessionId;
    }

    @Override
    public int epoch() {
        return 1;
    }

    @Override
    public boolean resumed() {
        return resumed;
    }

    @Override
    public Instant establishedAt() {
        return establishedAt;
    }

    @Override
    public int maxPayloadSize() {
        synchronized (recordLayer) {
            return own.maxPayloadSize();
        }
    }

    @Override
    public void send(byte[] data, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        if (mode != MODE_ESTABLISHED) {
            throw new ClosedChannelException();
        }
        synchronized (recordLayer) {
            int limit = own.maxPayloadSize();
            if (length > limit) {
                throw new IllegalArgumentException("payload of " + length + " bytes exceeds " + limit);
            }
            if (mode != MODE_ESTABLISHED) {
                throw new ClosedChannelException();
            }
            own.sendApplicationData(data, offset, length);
        }
    }

    @Override
    public boolean isOpen() {
        return mode == MODE_ESTABLISHED;
    }

    @Override
    public void close() {
        engine.closeSession(this, CloseReason.LOCAL);
    }

    @Override
    public String toString() {
        return "DtlsSession[" + peer + ", " + role + (identity != null ? ", " + identity.peerId().map(UUID::toString).orElse("unnamed") : "") + "]";
    }
}
