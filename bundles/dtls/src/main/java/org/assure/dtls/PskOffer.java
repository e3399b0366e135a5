package org.assure.dtls;

import java.util.Objects;
import java.util.Optional;
import org.assure.core.model.PskHint;

/**
 * Server side PSK credentials for one handshake.
 *
 * @param hint the identity hint to send (base64 of its CBOR, PROFILE §6); empty sends no hint
 * @param keys resolves the identity the client answers with
 */
public record PskOffer(Optional<PskHint> hint, PskKeyLookup keys) {
    public PskOffer {
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(keys, "keys");
    }
}
