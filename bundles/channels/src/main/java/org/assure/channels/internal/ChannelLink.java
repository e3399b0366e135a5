package org.assure.channels.internal;

import java.util.concurrent.CompletionStage;
import org.assure.core.model.ChannelState;

/**
 * An established channel (a DTLS session bound to a channel), as the state machine sees it. The seam between the
 * state machine and the DTLS connector.
 */
public interface ChannelLink {
    /**
     * Completes once when the link ends for any reason, with the state to report if the manager did not ask for
     * the close: {@link ChannelState#CLOSED} for an orderly close by the peer, 10 when the peer went silent, 13 for
     * other errors.
     */
    CompletionStage<ChannelState> ended();

    /** Closes the link (sends close_notify); {@link #ended()} completes afterwards. Idempotent. */
    void close();
}
