package org.assure.dtls.coap;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assure.dtls.CredentialType;
import org.assure.dtls.DtlsSession;
import org.eclipse.californium.elements.EndpointContext;

/**
 * The authenticated peer of a DTLS session, as a CoAP resource sees it in the request's source endpoint context
 * ({@code exchange.advanced().getRequest().getSourceContext().getPeerIdentity()}, or {@link #of(EndpointContext)}).
 *
 * @param peerId         the peer's UUID: from Peer Name Indication, else as the credentials resolved its key
 *                       ({@link DtlsSession#peerId()}); empty if neither named it
 * @param keyId          the UUID of the PSK or of the peer's raw public key
 * @param credentialType how the peer authenticated
 * @param channel        the channel id or tag the connector's configurer attached to the session, if any
 */
public record AssurePeerPrincipal(Optional<UUID> peerId, UUID keyId, CredentialType credentialType,
        Optional<String> channel) implements Principal {
    public AssurePeerPrincipal {
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(credentialType, "credentialType");
        Objects.requireNonNull(channel, "channel");
    }

    /** The principal of {@code session}, tagged with {@code channel}. */
    public static AssurePeerPrincipal of(DtlsSession session, Optional<String> channel) {
        return new AssurePeerPrincipal(session.peerId(), session.keyId(), session.credentialType(), channel);
    }

    /** The aSSURE principal of an endpoint context, if it came from a {@link DtlsCoapConnector}. */
    public static Optional<AssurePeerPrincipal> of(EndpointContext context) {
        return context != null && context.getPeerIdentity() instanceof AssurePeerPrincipal principal
                ? Optional.of(principal)
                : Optional.empty();
    }

    /** The peer's UUID if known, else {@code key:} and the key's UUID (names are for logs and matching only). */
    @Override
    public String getName() {
        return peerId.map(UUID::toString).orElseGet(() -> "key:" + keyId);
    }
}
