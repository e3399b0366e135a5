package org.assure.dtls;

import java.util.Optional;
import java.util.UUID;

/** Server side: the PSK whose identity a client sent. Called on a handshake thread. */
@FunctionalInterface
public interface PskKeyLookup {
    /** @return empty if {@code keyId} is not a key this client may use (the handshake ends with {@code decrypt_error}) */
    Optional<PskKey> find(UUID keyId);
}
