package org.assure.dtls;

import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.Address;

/**
 * The server's credential callback; the keystore bundle implements it ({@link InMemoryCredentials} for tests and
 * the authority). Called on a handshake thread once per handshake (full or resumed), after the client proved its
 * address with a cookie and before any key operation. Must be thread-safe.
 */
@FunctionalInterface
public interface DtlsServerCredentials {
    /**
     * @param peer     the client's transport address
     * @param peerName the client's UUID from Peer Name Indication; empty for plain DICE clients
     * @return the credentials to offer this client, or empty to refuse it: the handshake ends with a fatal
     *         {@code access_denied} alert before any key operation (state 11)
     */
    Optional<ServerCredentials> select(Address peer, Optional<UUID> peerName);
}
