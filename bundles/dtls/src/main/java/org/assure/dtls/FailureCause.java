package org.assure.dtls;

import org.assure.core.model.ChannelState;

/**
 * Why a handshake failed, and the channel state (PROFILE §2) the channel manager reports for it.
 */
public enum FailureCause {
    /** No (complete) answer within the handshake timeout; also a wrong PSK under a known identity. State 10. */
    TIMEOUT(ChannelState.PEER_NO_ANSWER),
    /** Server: the client's Peer Name Indication names a peer the credentials refuse. State 11. */
    UNKNOWN_PEER_NAME(ChannelState.PEER_WRONG_KEY_ID),
    /** Client: the server's Peer Name Indication is not the server the channel expects. State 11. */
    UNEXPECTED_PEER_NAME(ChannelState.PEER_WRONG_KEY_ID),
    /** Server: the client's PSK identity names no key offered to it (answered with {@code decrypt_error}). State 11. */
    UNKNOWN_PSK_IDENTITY(ChannelState.PEER_WRONG_KEY_ID),
    /** The peer refused our name or key id ({@code access_denied} or {@code unknown_psk_identity} received). State 11. */
    REFUSED_BY_PEER(ChannelState.PEER_WRONG_KEY_ID),
    /** The peer's raw public key is not one the credentials accept. State 12. */
    BAD_PEER_KEY(ChannelState.PEER_AUTHENTICATION_FAILED),
    /** Authentication failed: bad Finished, {@code decrypt_error}, {@code bad_record_mac}, a certificate alert. State 12. */
    AUTHENTICATION_FAILED(ChannelState.PEER_AUTHENTICATION_FAILED),
    /** No common cipher suite or credentials, protocol errors, other alerts, local errors. State 13. */
    OTHER(ChannelState.OTHER_ERROR);

    private final ChannelState state;

    FailureCause(ChannelState state) {
        this.state = state;
    }

    /** The channel state a channel whose handshake failed this way reports. */
    public ChannelState state() {
        return state;
    }
}
