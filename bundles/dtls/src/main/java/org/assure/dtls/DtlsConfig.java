package org.assure.dtls;

import java.time.Duration;
import java.util.Objects;

/**
 * Engine settings, validated by {@link Builder#build()}. Immutable.
 *
 * <p>BouncyCastle doubles the retransmission timer up to a fixed 60 s; only its initial value is configurable.
 */
public final class DtlsConfig {
    /** Peer Name Indication's default extension type (PROFILE §6, private use). */
    public static final int DEFAULT_PEER_NAME_EXTENSION = 0xFF00;

    private final Duration handshakeTimeout;
    private final Duration retransmissionInitial;
    private final int maxConcurrentHandshakes;
    private final int maxSessions;
    private final int sessionCacheSize;
    private final Duration sessionCacheExpiry;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final Duration idleTimeout;
    private final int peerNameExtension;
    private final int maxFragmentLength;
    private final int workerThreads;
    private final int handshakeThreads;

    private DtlsConfig(Builder b) {
        this.handshakeTimeout = b.handshakeTimeout;
        this.retransmissionInitial = b.retransmissionInitial;
        this.maxConcurrentHandshakes = b.maxConcurrentHandshakes;
        this.maxSessions = b.maxSessions;
        this.sessionCacheSize = b.sessionCacheSize;
        this.sessionCacheExpiry = b.sessionCacheExpiry;
        this.heartbeatInterval = b.heartbeatInterval;
        this.heartbeatTimeout = b.heartbeatTimeout;
        this.idleTimeout = b.idleTimeout;
        this.peerNameExtension = b.peerNameExtension;
        this.maxFragmentLength = b.maxFragmentLength;
        this.workerThreads = b.workerThreads;
        this.handshakeThreads = b.handshakeThreads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All defaults. */
    public static DtlsConfig defaults() {
        return builder().build();
    }

    /** Longest a handshake may take before it fails with {@link FailureCause#TIMEOUT}. Default 30 s. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** First retransmission timer of a handshake flight (RFC 6347 §4.2.4). Default 1 s. */
    public Duration retransmissionInitial() {
        return retransmissionInitial;
    }

    /** Handshakes in progress at once (client and server together); further ClientHellos are dropped. Default 32. */
    public int maxConcurrentHandshakes() {
        return maxConcurrentHandshakes;
    }

    /** Established sessions at once; ClientHellos beyond it are dropped. Default 20,000. */
    public int maxSessions() {
        return maxSessions;
    }

    /** Sessions kept for resumption (server and client caches each); 0 disables resumption. Default 1,000. */
    public int sessionCacheSize() {
        return sessionCacheSize;
    }

    /** How long a cached session may be resumed after its full handshake. Default 24 h. */
    public Duration sessionCacheExpiry() {
        return sessionCacheExpiry;
    }

    /** RFC 6520 heartbeat: idle time after which a heartbeat request is sent; zero disables. Default zero. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** How long an unanswered heartbeat request may wait before the session closes. Default 30 s. */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /** Sessions that received nothing for this long are closed; zero never closes them. Default zero. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Hello extension type of Peer Name Indication. Default {@value #DEFAULT_PEER_NAME_EXTENSION}. */
    public int peerNameExtension() {
        return peerNameExtension;
    }

    /** max_fragment_length the client offers (RFC 6066): 512, 1024, 2048, 4096, or 0 for none. Default 1024. */
    public int maxFragmentLength() {
        return maxFragmentLength;
    }

    /**
     * Threads that decrypt records and run callbacks for established sessions; 0 (the default since 1.2) does that
     * on the transport's receive thread (heartbeat timers: on the engine's timer thread), saving a thread hand-off
     * per record; session ends found there are reported on a separate thread. A data handler then holds up every
     * peer of the endpoint while it runs: it must not block.
     */
    public int workerThreads() {
        return workerThreads;
    }

    /**
     * Threads that run the raw-key handshakes' work (ECDHE, signatures, verification: about 0.3 ms of CPU per side
     * and handshake), each handshake's steps in order on one of them, so a server with many raw-key clients can use
     * more than one core for them; 0 (the default) runs them on the transport's receive thread, which bounds an
     * endpoint to one core's worth of raw-key handshakes but saves a thread hand-off per flight: on 2 cores the
     * benchmark's 4 clients made 1,810 handshakes/s inline and 1,660 with 2 handshake threads per engine. PSK
     * handshakes (a few HMACs) always run on the receive thread. Since 1.3.
     */
    public int handshakeThreads() {
        return handshakeThreads;
    }

    @Override
    public String toString() {
        return "DtlsConfig[handshakeTimeout=" + handshakeTimeout + ", retransmissionInitial=" + retransmissionInitial
                + ", maxConcurrentHandshakes=" + maxConcurrentHandshakes + ", maxSessions=" + maxSessions
                + ", sessionCacheSize=" + sessionCacheSize + ", sessionCacheExpiry=" + sessionCacheExpiry
                + ", heartbeatInterval=" + heartbeatInterval + ", heartbeatTimeout=" + heartbeatTimeout
                + ", idleTimeout=" + idleTimeout + ", peerNameExtension=" + peerNameExtension
                + ", maxFragmentLength=" + maxFragmentLength + ", workerThreads=" + workerThreads
                + ", handshakeThreads=" + handshakeThreads + "]";
    }

    /** Builder with the defaults documented on the accessors. */
    public static final class Builder {
        private Duration handshakeTimeout = Duration.ofSeconds(30);
        private Duration retransmissionInitial = Duration.ofSeconds(1);
        private int maxConcurrentHandshakes = 32;
        private int maxSessions = 20_000;
        private int sessionCacheSize = 1_000;
        private Duration sessionCacheExpiry = Duration.ofHours(24);
        private Duration heartbeatInterval = Duration.ZERO;
        private Duration heartbeatTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ZERO;
        private int peerNameExtension = DEFAULT_PEER_NAME_EXTENSION;
        private int maxFragmentLength = 1024;
        private int workerThreads = 0;
        private int handshakeThreads = 0;

        private Builder() {
        }

        public Builder handshakeTimeout(Duration value) {
            this.handshakeTimeout = Objects.requireNonNull(value, "handshakeTimeout");
            return this;
        }

        public Builder retransmissionInitial(Duration value) {
            this.retransmissionInitial = Objects.requireNonNull(value, "retransmissionInitial");
            return this;
        }

        public Builder maxConcurrentHandshakes(int value) {
            this.maxConcurrentHandshakes = value;
            return this;
        }

        public Builder maxSessions(int value) {
            this.maxSessions = value;
            return this;
        }

        public Builder sessionCacheSize(int value) {
            this.sessionCacheSize = value;
            return this;
        }

        public Builder sessionCacheExpiry(Duration value) {
            this.sessionCacheExpiry = Objects.requireNonNull(value, "sessionCacheExpiry");
            return this;
        }

        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = Objects.requireNonNull(value, "heartbeatInterval");
            return this;
        }

        public Builder heartbeatTimeout(Duration value) {
            this.heartbeatTimeout = Objects.requireNonNull(value, "heartbeatTimeout");
            return this;
        }

        public Builder idleTimeout(Duration value) {
            this.idleTimeout = Objects.requireNonNull(value, "idleTimeout");
            return this;
        }

        public Builder peerNameExtension(int value) {
            this.peerNameExtension = value;
            return this;
        }

        public Builder maxFragmentLength(int value) {
            this.maxFragmentLength = value;
            return this;
        }

        public Builder workerThreads(int value) {
            this.workerThreads = value;
            return this;
        }

        public Builder handshakeThreads(int value) {
            this.handshakeThreads = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public DtlsConfig build() {
            requireMillis("handshakeTimeout", handshakeTimeout, 1);
            requireMillis("retransmissionInitial", retransmissionInitial, 1);
            if (retransmissionInitial.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("retransmissionInitial must be at most 60 s");
            }
            if (retransmissionInitial.compareTo(handshakeTimeout) >= 0) {
                throw new IllegalArgumentException("retransmissionInitial must be shorter than handshakeTimeout");
            }
            requireRange("maxConcurrentHandshakes", maxConcurrentHandshakes, 1, 10_000);
            requireRange("maxSessions", maxSessions, 1, 10_000_000);
            requireRange("sessionCacheSize", sessionCacheSize, 0, 10_000_000);
            requireMillis("sessionCacheExpiry", sessionCacheExpiry, 1);
            if (!heartbeatInterval.isZero()) {
                requireMillis("heartbeatInterval", heartbeatInterval, 1);
                requireMillis("heartbeatTimeout", heartbeatTimeout, 1);
            }
            if (!idleTimeout.isZero()) {
                requireMillis("idleTimeout", idleTimeout, 1);
            }
            requireRange("peerNameExtension", peerNameExtension, 0, 0xFFFF);
            if (maxFragmentLength != 0 && maxFragmentLength != 512 && maxFragmentLength != 1024
                    && maxFragmentLength != 2048 && maxFragmentLength != 4096) {
                throw new IllegalArgumentException("maxFragmentLength must be 0, 512, 1024, 2048 or 4096");
            }
            requireRange("workerThreads", workerThreads, 0, 1024);
            requireRange("handshakeThreads", handshakeThreads, 0, 1024);
            return new DtlsConfig(this);
        }

        private static void requireMillis(String name, Duration value, long min) {
            if (value.isNegative() || value.toMillis() < min || value.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must be between " + min + " ms and " + Integer.MAX_VALUE + " ms");
            }
        }

        private static void requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
        }
    }
}
