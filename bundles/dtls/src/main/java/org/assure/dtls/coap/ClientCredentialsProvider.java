package org.assure.dtls.coap;

import java.util.Optional;
import org.assure.core.model.Address;
import org.assure.dtls.ClientCredentials;

/**
 * Chooses the credentials for a client handshake that {@link DtlsCoapConnector} starts when CoAP sends to a peer
 * without a session. Called on Californium's sending thread; must not block for long.
 */
@FunctionalInterface
public interface ClientCredentialsProvider {
    /** Credentials for {@code server}; empty refuses to connect (the message fails as unconnected). */
    Optional<ClientCredentials> credentialsFor(Address server);
}
