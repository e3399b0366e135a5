package org.assure.dtls.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
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
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ByteQueue;
import org.bouncycastle.tls.DTLSRecordCallback;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * All state for one peer address: during the handshake a blocking datagram queue that BouncyCastle's handshake
 * thread reads; once established, a {@link DtlsSession} without a thread of its own — queued datagrams are
 * decrypted by driving {@link DTLSTransport#receive} on a worker, one drain at a time per connection, until the
 * queue is empty (the link then throws {@link NoData}, which BouncyCastle passes through untouched).
 */
final class Connection implements DtlsSession, DTLSRecordCallback {
    private static final int MAX_QUEUED = 64;
    /**
     * Wait handed to BouncyCastle when draining: never waited for (the link throws {@link NoData} when empty), but
     * long enough that BouncyCastle's loop never gives up with -1 before the queue is empty.
     */
    private static final int DRIVE_WAIT_MILLIS = 60_000;
    private static final int RECEIVE_LIMIT = 16384 + 2048;
    /** Room for a record header and an alert or a heartbeat, whatever the last datagram was. */
    private static final int MIN_RECEIVE_LIMIT = 64;
    /** Record header (13), handshake header (12), client_version (2). */
    private static final int HELLO_RANDOM_OFFSET = 27;
    private static final int MODE_HANDSHAKE = 0;
    private static final int MODE_ESTABLISHED = 1;
    private static final int MODE_CLOSED = 2;
    private static final int DRAIN_IDLE = 0;
    private static final int DRAIN_RUNNING = 1;
    private static final int DRAIN_AGAIN = 2;
    private static final ThreadLocal<byte[]> PLAINTEXT = ThreadLocal.withInitial(() -> new byte[RECEIVE_LIMIT]);

    private final EngineCore engine;
    private final Address peer;
    private final DtlsRole role;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>(4);
    private final Link link = new Link();
    /** BouncyCastle's crypto, only for connections BouncyCastle runs (raw keys). */
    private ConnectionCrypto crypto;
    private final AtomicInteger drain = new AtomicInteger();
    /**
     * Serialises every call into BouncyCastle's record layer, which is not safe for a send concurrent with a
     * receive: while the party that sent the last handshake flight answers a retransmission of the peer's final
     * flight (RFC 6347 §4.2.4, inside {@link DTLSTransport#receive} on the drain thread), BouncyCastle switches its
     * write epoch back to 0 and then to 1 without a lock. An application send in that window went out as a
     * handshake record (dropped by the peer, or in the clear in epoch 0), or could fail the whole session with a
     * locally raised {@code internal_error} when its epoch checks saw the switch half done.
     */
    private final Object recordLayer = new Object();

    private volatile int mode = MODE_HANDSHAKE;
    private volatile boolean linkClosed;
    private volatile boolean renegotiationAttempt;
    private volatile long lastReceiveMillis;
    private volatile byte[] helloRandom;
    private int lastDatagramSize = 64;
    /** Handshake records of the current flight, not yet sent (see {@link Link#send}); handshake thread only. */
    private byte[] flight;
    private int flightLength;
    /** Records accepted or failing decryption; with the two below, drain thread only (replay accounting). */
    private int outcomes;
    private int outcomesAtHandoff;
    private boolean awaitingOutcome;

    private DTLSTransport dtls;
    /** The engine's own DTLS (PSK): handshake and record layer; null while BouncyCastle runs this connection. */
    private volatile OwnChannel own;
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
    /** BouncyCastle's queue of leftover records, shrunk when empty so idle sessions do not keep its buffer. */
    private ByteQueue recordQueue;
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

    ConnectionCrypto crypto() {
        if (crypto == null) {
            crypto = new ConnectionCrypto(engine.random(), () -> renegotiationAttempt = true,
                    () -> {
                        outcomes++;
                        engine.recordDropped(peer);
                    });
        }
        return crypto;
    }

    DatagramTransport link() {
        return link;
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
        byte[] own = helloRandom;
        return own != null && datagram.length >= HELLO_RANDOM_OFFSET + 32 && java.util.Arrays.equals(own, 0, 32,
                datagram, HELLO_RANDOM_OFFSET, HELLO_RANDOM_OFFSET + 32);
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

    /** BouncyCastle's transport of the established session (tests reach into its record layer). */
    DTLSTransport transport() {
        return dtls;
    }

    long lastReceiveMillis() {
        return lastReceiveMillis;
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    /** Queues a datagram from the demultiplexer; false if the queue is full or the connection closed. */
    boolean offer(byte[] datagram) {
        if (own != null && mode == MODE_HANDSHAKE) {
            return ownHandshakeDatagram(datagram);
        }
        synchronized (this) {
            if (mode == MODE_CLOSED || queue.size() >= MAX_QUEUED) {
                return false;
            }
            queue.add(datagram);
            if (mode == MODE_HANDSHAKE) {
                notifyAll();
                return true;
            }
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

    /** Lets BouncyCastle run its timers (heartbeat) even without a datagram. */
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
            CloseReason end = receiveQueued();
            if (end != null) {
                drain.set(DRAIN_IDLE);
                engine.sessionEnded(this, end);
                return;
            }
        } while (!drain.compareAndSet(DRAIN_RUNNING, DRAIN_IDLE));
    }

    /** Decrypts and delivers everything queued; returns why the session ended, or null if it goes on. */
    private CloseReason receiveQueued() {
        if (own != null) {
            return ownReceiveQueued();
        }
        byte[] plaintext = PLAINTEXT.get();
        while (mode == MODE_ESTABLISHED) {
            int received;
            try {
                synchronized (recordLayer) {
                    try {
                        // The whole (reused) buffer: one call may read past discarded datagrams to a larger record.
                        received = dtls.receive(plaintext, 0, plaintext.length, DRIVE_WAIT_MILLIS, this);
                    } finally {
                        if (renegotiationAttempt) {
                            renegotiationAttempt = false;
                            refuseRenegotiation();
                        }
                    }
                }
            } catch (NoData e) {
                ByteQueue leftovers = recordQueue;
                if (leftovers != null) {
                    synchronized (recordLayer) {
                        if (leftovers.available() == 0) {
                            // The client's coalesced final flight grew it to 512+ bytes; an idle session keeps none.
                            leftovers.shrink();
                        }
                    }
                }
                break;
            } catch (TlsTimeoutException e) {
                return CloseReason.HEARTBEAT_TIMEOUT;
            } catch (TlsFatalAlertReceived e) {
                return CloseReason.PEER_ALERT;
            } catch (IOException | RuntimeException e) {
                engine.drops().drop("session failure (" + e.getClass().getSimpleName() + ")", peer);
                return linkClosed ? CloseReason.PEER_CLOSED : CloseReason.ERROR;
            }
            if (received >= 0) {
                byte[] data = new byte[received];
                System.arraycopy(plaintext, 0, data, 0, received);
                engine.deliver(this, data);
            }
        }
        return linkClosed && mode == MODE_ESTABLISHED ? CloseReason.PEER_CLOSED : null;
    }

    /** Every authenticated record (data, heartbeat, alert) proves the peer alive, for the idle timeout. */
    @Override
    public void recordAccepted(int flags) {
        outcomes++;
        lastReceiveMillis = engine.nowMillis();
    }

    /**
     * Counts the last datagram handed to BouncyCastle as discarded if none of its records was accepted or failed
     * decryption: its replay window (or epoch check) dropped them unread. Drain thread only.
     */
    private void settleLastDatagram() {
        if (awaitingOutcome && outcomes == outcomesAtHandoff) {
            engine.recordDiscarded(peer);
        }
        awaitingOutcome = false;
    }

    private void refuseRenegotiation() {
        engine.drops().drop("renegotiation attempt", peer);
        RecordLayerAccess.sendWarning(dtls, AlertDescription.no_renegotiation);
    }

    /**
     * Sends the handshake records collected so far as one datagram. Handshake thread only (it alone sends while
     * the connection is in the handshake), like {@link #endHandshakeOutput()}.
     */
    private void flushFlight() {
        if (flightLength > 0) {
            int length = flightLength;
            flightLength = 0;
            engine.send(peer, flight, 0, length);
        }
    }

    /** Sends BouncyCastle's last flight (or alert) of the handshake and drops the flight buffer. */
    void endHandshakeOutput() {
        flushFlight();
        flight = null;
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------

    void established(DTLSTransport transport, PeerIdentity peerIdentity, int suite, Bytes id, boolean wasResumed,
            Instant at) {
        this.dtls = transport;
        this.recordQueue = RecordLayerAccess.recordQueue(transport);
        this.identity = peerIdentity;
        this.cipherSuite = suite;
        this.sessionId = id;
        this.resumed = wasResumed;
        this.establishedAt = at;
        this.lastReceiveMillis = engine.nowMillis();
        synchronized (this) {
            if (mode == MODE_HANDSHAKE) {
                mode = MODE_ESTABLISHED;
            }
        }
    }

    /** Marks the connection closed; true only for the first caller. Wakes a waiting handshake. */
    boolean markClosed() {
        boolean abandoned;
        synchronized (this) {
            if (mode == MODE_CLOSED) {
                return false;
            }
            abandoned = own != null && mode == MODE_HANDSHAKE;
            mode = MODE_CLOSED;
            queue.clear();
            notifyAll();
        }
        if (own != null) {
            synchronized (recordLayer) {
                cancelOwnTimer();
            }
        }
        if (abandoned) {
            // Replaced or engine closed while the handshake ran: reported like a handshake thread woken by it.
            reportOwn(new ClosedChannelException());
        }
        return true;
    }

    /** Closes BouncyCastle's record layer, which sends close_notify unless it already failed. */
    void closeRecordLayer() {
        if (own != null) {
            synchronized (recordLayer) {
                if (own.established()) {
                    own.sendAlert(OwnChannel.ALERT_WARNING, OwnChannel.CLOSE_NOTIFY);
                }
            }
            return;
        }
        DTLSTransport transport = dtls;
        if (transport != null) {
            try {
                synchronized (recordLayer) {
                    transport.close();
                }
            } catch (IOException e) {
                engine.drops().drop("close_notify not sent", peer);
            }
        }
    }

    // ---- the engine's own DTLS ----------------------------------------------------------------------------

    /** Starts an own client handshake on the caller's thread: the ClientHello goes out now. */
    void startOwnClient(HandshakeSettings settings, org.assure.dtls.ClientCredentials credentials,
            Optional<CachedSession> cached, HandshakeOutcome outcome) {
        synchronized (recordLayer) {
            own = OwnChannel.client(ownHost, settings, credentials, cached, outcome);
            own.startClient();
        }
        afterOwn();
    }

    /** Starts an own server handshake on a verified ClientHello (receive thread). */
    void startOwnServer(HandshakeSettings settings, byte[] helloBody, Wire.ClientHello hello, int messageSeq,
            Optional<UUID> peerName, Optional<org.assure.dtls.ServerCredentials> credentials,
            SessionCache<Bytes, CachedSession> cache, HandshakeOutcome outcome) {
        synchronized (recordLayer) {
            own = OwnChannel.server(ownHost, settings, helloBody, hello, messageSeq, peerName, credentials, cache,
                    outcome);
            own.startServer();
        }
        afterOwn();
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
            if (mode == MODE_CLOSED) {
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
        if (own != null) {
            synchronized (recordLayer) {
                return own.maxPayloadSize();
            }
        }
        try {
            synchronized (recordLayer) {
                return dtls.getSendLimit();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void send(byte[] data, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        if (mode != MODE_ESTABLISHED) {
            throw new ClosedChannelException();
        }
        if (own != null) {
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
            return;
        }
        synchronized (recordLayer) {
            int limit = dtls.getSendLimit();
            if (length > limit) {
                throw new IllegalArgumentException("payload of " + length + " bytes exceeds " + limit);
            }
            dtls.send(data, offset, length);
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

    /** Thrown by the link when no datagram is queued for an established session; carries no stack trace. */
    static final class NoData extends InterruptedIOException {
        private static final long serialVersionUID = 1L;
        static final NoData INSTANCE = new NoData();

        private NoData() {
            super("no datagram queued");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The datagram link BouncyCastle's record layer sees. */
    private final class Link implements DatagramTransport {
        /**
         * BouncyCastle allocates a record buffer of this size for every record it reads, so it is sized to what can
         * come next: the queued datagram, or records left over from the last one (never more than its size). Only
         * a handshake needs room for anything a peer may send.
         */
        @Override
        public int getReceiveLimit() {
            synchronized (Connection.this) {
                if (mode == MODE_HANDSHAKE) {
                    // The handshake layer sizes its output buffer from this once per flight and then reads several
                    // datagrams into it: only the full limit is safe there.
                    return RECEIVE_LIMIT;
                }
                byte[] next = queue.peek();
                return Math.max(MIN_RECEIVE_LIMIT, Math.max(lastDatagramSize, next == null ? 0 : next.length));
            }
        }

        @Override
        public int getSendLimit() {
            return engine.maxDatagramSize(peer);
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            // BouncyCastle waits for the peer: what it sent so far is the whole flight.
            flushFlight();
            byte[] datagram;
            synchronized (Connection.this) {
                if (mode == MODE_HANDSHAKE) {
                    long deadline = System.nanoTime() + Math.max(waitMillis, 1) * 1_000_000L;
                    long remaining;
                    while (queue.isEmpty() && mode == MODE_HANDSHAKE
                            && (remaining = deadline - System.nanoTime()) > 0) {
                        try {
                            Connection.this.wait(Math.max(1, remaining / 1_000_000L));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException("handshake interrupted");
                        }
                    }
                    if (mode == MODE_CLOSED) {
                        throw new ClosedChannelException();
                    }
                    datagram = queue.poll();
                    if (datagram == null) {
                        return -1;
                    }
                } else {
                    settleLastDatagram();
                    datagram = queue.peek();
                    if (datagram == null || datagram.length > len) {
                        // Empty, or a datagram that arrived after BouncyCastle sized its buffer from a smaller one:
                        // truncated, its record would be dropped. It stays queued; its offer drives another drain.
                        throw NoData.INSTANCE;
                    }
                    queue.poll();
                    awaitingOutcome = true;
                    outcomesAtHandoff = outcomes;
                }
                lastDatagramSize = datagram.length;
            }
            int length = Math.min(len, datagram.length);
            System.arraycopy(datagram, 0, buf, off, length);
            return length;
        }

        /**
         * During the handshake BouncyCastle hands over one record per call, a flight being several records (PSK:
         * ServerHello + ServerHelloDone; ClientKeyExchange + ChangeCipherSpec + Finished). They are collected into
         * one datagram up to the path's limit (RFC 6347 §4.1.1 allows several records per datagram) and sent when
         * BouncyCastle next waits for the peer or the handshake ends: one send and one wake-up of the peer per
         * flight instead of per record. Established sessions send each record at once.
         */
        @Override
        public void send(byte[] buf, int off, int len) {
            if (mode != MODE_HANDSHAKE) {
                engine.send(peer, buf, off, len);
                return;
            }
            int limit = engine.maxDatagramSize(peer);
            if (flightLength > 0 && flightLength + len > limit) {
                flushFlight();
            }
            if (len >= limit) {
                engine.send(peer, buf, off, len);
                return;
            }
            if (flight == null) {
                flight = new byte[limit];
            }
            System.arraycopy(buf, off, flight, flightLength, len);
            flightLength += len;
        }

        @Override
        public void close() {
            linkClosed = true;
        }
    }
}
