package org.assure.core.crypto;

import java.util.Objects;

import org.assure.core.model.Bytes;

/**
 * The {@code r} and {@code s} of an ECDSA signature (draft §7.3): unsigned big-endian, each left-padded to the
 * curve's order length (PROFILE §3).
 */
public record EcSignatureValue(Bytes r, Bytes s) {
    public EcSignatureValue {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(s, "s");
    }
}
