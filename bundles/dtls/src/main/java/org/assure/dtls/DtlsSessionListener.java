package org.assure.dtls;

/**
 * Session events of a {@link DtlsEngine}, for the channel manager. Called on engine threads; implementations must
 * return quickly and must not throw (exceptions are logged and ignored). Events of one peer address arrive in order.
 */
public interface DtlsSessionListener {
    /** A handshake (full or resumed) completed; the session is ready for {@link DtlsSession#send}. */
    default void established(DtlsSession session) {
    }

    /** An established session ended. */
    default void closed(DtlsSession session, CloseReason reason) {
    }

    /**
     * A handshake failed. Reported for client handshakes started by {@link DtlsEngine#connect} and for server
     * handshakes that got past the cookie exchange; ClientHellos dropped before (no cookie, too many handshakes)
     * are not reported.
     */
    default void handshakeFailed(HandshakeFailure failure) {
    }
}
