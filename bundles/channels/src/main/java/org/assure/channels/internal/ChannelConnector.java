package org.assure.channels.internal;

import java.util.concurrent.CompletionStage;
import org.assure.channels.ManagedChannel;

/** Opens channels as a DTLS client over the transport their address names. */
public interface ChannelConnector {
    /**
     * Starts the handshake for {@code channel}. The stage fails with {@link ChannelOpenException} carrying the state
     * to report (10–13) when the handshake fails; it never completes on the caller's thread while holding locks
     * the caller needs.
     */
    CompletionStage<ChannelLink> connect(ManagedChannel channel);
}
