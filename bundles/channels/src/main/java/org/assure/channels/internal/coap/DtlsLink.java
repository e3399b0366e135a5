package org.assure.channels.internal.coap;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.assure.channels.internal.ChannelLink;
import org.assure.core.model.ChannelState;
import org.assure.dtls.CloseReason;
import org.assure.dtls.DtlsSession;

/** A channel's DTLS session, as the state machine sees it. */
final class DtlsLink implements ChannelLink {
    private final DtlsSession session;
    private final CompletableFuture<ChannelState> ended = new CompletableFuture<>();

    DtlsLink(DtlsSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    DtlsSession session() {
        return session;
    }

    @Override
    public CompletionStage<ChannelState> ended() {
        return ended;
    }

    @Override
    public void close() {
        session.close();
    }

    /** The engine reported the session closed. */
    void end(CloseReason reason) {
        ended.complete(stateAfter(reason));
    }

    /** What to report when a session ends without the manager asking (PROFILE §2). */
    static ChannelState stateAfter(CloseReason reason) {
        return switch (reason) {
            case LOCAL, PEER_CLOSED -> ChannelState.CLOSED;
            case HEARTBEAT_TIMEOUT, IDLE_TIMEOUT -> ChannelState.PEER_NO_ANSWER;
            default -> ChannelState.OTHER_ERROR;
        };
    }
}
