package org.assure.core.model;

import java.util.Objects;

/**
 * Owner information, draft §15.5 and PROFILE §5: {@code [5, owner_sequence_number, signature]}. The sequence
 * starts at 0 and increments with every change of owner; a device accepts it only if not below the stored one.
 * Its signing input binds the device UUID (PROFILE §3).
 *
 * @param sequence  owner sequence number, 0..{@link #MAX_SEQUENCE}
 * @param signature by a Manufacturer or Trusted Authority key
 */
public record OwnerInformation(long sequence, SignatureDefinition signature) {
    /** Highest owner sequence (2^53 - 1, exact in every JSON and CBOR consumer; PROFILE-ADDITIONS §4). */
    public static final long MAX_SEQUENCE = (1L << 53) - 1;

    public OwnerInformation {
        Objects.requireNonNull(signature, "signature");
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("owner sequence out of range 0..2^53-1: " + sequence);
        }
    }

    public OwnerInformation unsigned() {
        return new OwnerInformation(sequence, signature.unsigned());
    }

    public OwnerInformation withSignature(SignatureDefinition newSignature) {
        return new OwnerInformation(sequence, newSignature);
    }
}
