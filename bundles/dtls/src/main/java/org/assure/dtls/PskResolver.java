package org.assure.dtls;

import java.util.Objects;
import java.util.Optional;
import org.assure.core.model.PskHint;

/**
 * Client side: turns the server's PSK identity hint (PROFILE §6) into the key to use; deriving secrets (core's
 * {@code DerivedSecrets}) happens here. Called on a handshake thread.
 */
@FunctionalInterface
public interface PskResolver {
    /**
     * @param hint the decoded hint; empty if the server sent none or one that is not an aSSURE hint
     * @return empty if no key fits (the handshake fails with state 13)
     */
    Optional<PskKey> resolve(Optional<PskHint> hint);

    /** Always the same key, whatever the hint (plain DICE servers send none). */
    static PskResolver fixed(PskKey key) {
        Objects.requireNonNull(key, "key");
        return hint -> Optional.of(key);
    }
}
