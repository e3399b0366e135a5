package org.assure.channels.internal;

import java.util.concurrent.CompletionStage;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;

/** Opens channels as a DTLS client over the transport their address names. */
public interface ChannelConnector {
    /**
     * Starts the handshake for {@code channel}. The stage fails with {@link ChannelOpenException} carrying the state
     * to report (10–13) when the handshake fails; it never completes on the caller's thread while holding locks
     * the caller needs.
     */
    CompletionStage<ChannelLink> connect(ManagedChannel channel);

    /**
     * Sends a CoAP request to the peer of {@code channel} (open) over its session.
     *
     * @return the response; fails with {@link org.assure.core.error.AssureException} {@code UNAVAILABLE} if the
     *         channel has no session here, {@link java.io.IOException} on timeout or transport errors
     */
    CompletionStage<ManagementResponse> send(ManagedChannel channel, ManagementRequest request);
}
