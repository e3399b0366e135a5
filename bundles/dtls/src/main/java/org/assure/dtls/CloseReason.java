package org.assure.dtls;

/** Why an established session ended. */
public enum CloseReason {
    /** {@link DtlsSession#close()} was called here. */
    LOCAL,
    /** The peer sent a {@code close_notify} alert. */
    PEER_CLOSED,
    /** The peer sent a fatal alert. */
    PEER_ALERT,
    /** A heartbeat request (RFC 6520) went unanswered within the heartbeat timeout. */
    HEARTBEAT_TIMEOUT,
    /** Nothing was received for longer than {@link DtlsConfig#idleTimeout()}. */
    IDLE_TIMEOUT,
    /** The same peer address completed a new handshake (e.g. it rebooted), which replaced this session. */
    REPLACED,
    /** The engine was closed. */
    ENGINE_CLOSED,
    /** A local failure (transport error, internal error). */
    ERROR
}
