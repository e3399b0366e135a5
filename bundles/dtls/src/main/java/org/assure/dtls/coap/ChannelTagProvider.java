package org.assure.dtls.coap;

import java.util.Optional;
import org.assure.dtls.DtlsSession;

/**
 * Names the channel a session belongs to, for {@link AssurePeerPrincipal#channel()}. Asked once per established
 * session, on an engine thread; must not block for long.
 */
@FunctionalInterface
public interface ChannelTagProvider {
    Optional<String> channelOf(DtlsSession session);
}
