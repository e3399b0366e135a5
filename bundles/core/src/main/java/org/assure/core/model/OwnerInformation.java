package org.assure.core.model;

import java.util.Objects;

/**
 * Owner information, draft §15.5 and PROFILE §5: {@code [5, owner_sequence_number, signature]}. The sequence
 * starts at 0 and increments with every change of owner; a device accepts it only if not below the stored one.
 * Its signing input binds the device UUID (PROFILE §3).
 *
 * @param sequence  owner sequence number, non-negative
 * @param signature by a Manufacturer or Trusted Authority key
 */
public record OwnerInformation(long sequence, SignatureDefinition signature) {
    public OwnerInformation {
        Objects.requireNonNull(signature, "signature");
        if (sequence < 0) {
            throw new IllegalArgumentException("negative owner sequence");
        }
    }

    public OwnerInformation unsigned() {
        return new OwnerInformation(sequence, signature.unsigned());
    }

    public OwnerInformation withSignature(SignatureDefinition newSignature) {
        return new OwnerInformation(sequence, newSignature);
    }
}
