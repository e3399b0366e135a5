package org.assure.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.assure.core.model.Address;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.dtls.internal.EngineCore;

/**
 * A DTLS 1.2 endpoint on one {@link ChannelTransport} endpoint (one port / channel kind): it accepts handshakes as
 * a server (if it has {@link DtlsServerCredentials}) and opens them as a client ({@link #connect}), demultiplexing
 * all peers on one unconnected transport endpoint. Thread-safe.
 *
 * <p>Threads: the transport's receive thread only demultiplexes and answers cookie-less ClientHellos
 * statelessly; each handshake runs on a bounded handshake thread; established sessions have no thread of their
 * own: their records are decrypted on a small worker pool, and a shared scheduler drives heartbeats and
 * timeouts.
 */
public final class DtlsEngine implements AutoCloseable {
    private final EngineCore core;

    private DtlsEngine(EngineCore core) {
        this.core = core;
    }

    /** A builder for an engine on {@code transport}'s endpoint for {@code kind}. */
    public static Builder builder(ChannelTransport transport, ChannelKind kind) {
        return new Builder(transport, kind);
    }

    /** Where peers reach this engine. */
    public Address localAddress() {
        return core.localAddress();
    }

    /**
     * Starts a client handshake with {@code server}. The future completes with the session, or exceptionally
     * with a {@link DtlsHandshakeException}; the listener hears of both. If a session with {@code server} is
     * already established, it is closed ({@link CloseReason#REPLACED}) as the new handshake starts. For an IP
     * address, the local port is this engine's own.
     *
     * @throws IllegalStateException if the engine is closed
     */
    public CompletableFuture<DtlsSession> connect(Address server, ClientCredentials credentials) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(credentials, "credentials");
        return core.connect(server, credentials);
    }

    /** The established session with {@code peer}, if any. */
    public Optional<DtlsSession> session(Address peer) {
        return core.session(peer);
    }

    /** All established sessions. */
    public List<DtlsSession> sessions() {
        return core.sessions();
    }

    /** Current counters. */
    public DtlsEngineStats stats() {
        return core.stats();
    }

    /** Forgets every cached session (server and client), e.g. after a key was deleted. */
    public void clearSessionCache() {
        core.clearSessionCache();
    }

    /** Closes every session (sending close_notify), stops the threads and closes the transport endpoint. */
    @Override
    public void close() {
        core.close();
    }

    /** Collects the engine's collaborators; {@link #start()} binds the transport. */
    public static final class Builder {
        private final ChannelTransport transport;
        private final ChannelKind kind;
        private DtlsConfig config = DtlsConfig.defaults();
        private DtlsServerCredentials serverCredentials;
        private DtlsSessionListener listener = EngineCore.SILENT_LISTENER;
        private DtlsDataHandler dataHandler = (session, data) -> {
        };
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;

        private Builder(ChannelTransport transport, ChannelKind kind) {
            this.transport = Objects.requireNonNull(transport, "transport");
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Builder config(DtlsConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** Makes this engine a server too; without it, ClientHellos are dropped. */
        public Builder serverCredentials(DtlsServerCredentials value) {
            this.serverCredentials = Objects.requireNonNull(value, "serverCredentials");
            return this;
        }

        public Builder listener(DtlsSessionListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        public Builder dataHandler(DtlsDataHandler value) {
            this.dataHandler = Objects.requireNonNull(value, "dataHandler");
            return this;
        }

        /** Clock for session cache expiry, idle timeouts and session timestamps. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Randomness for hello randoms, cookies, session ids and key exchange. Default: a new SecureRandom. */
        public Builder random(SecureRandom value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * Binds the transport endpoint and starts the engine.
         *
         * @throws IOException           if the transport cannot bind
         * @throws IllegalStateException if the transport's endpoint for this kind is already bound
         */
        public DtlsEngine start() throws IOException {
            SecureRandom rng = random != null ? random : new SecureRandom();
            return new DtlsEngine(EngineCore.start(transport, kind, config, Optional.ofNullable(serverCredentials),
                    listener, dataHandler, clock, rng));
        }
    }
}
