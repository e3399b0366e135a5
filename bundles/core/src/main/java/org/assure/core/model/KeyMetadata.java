package org.assure.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Authenticated-key metadata, draft §7.10 and PROFILE §2: a map whose only registered entry is key 0, the UUID
 * of the device that owns the key. Unregistered keys are rejected by the decoder (they could not be shown or
 * re-encoded faithfully, and the signature covers them).
 *
 * @param owningDevice the device owning the key, if stated
 */
public record KeyMetadata(Optional<UUID> owningDevice) {
    /** No metadata: the empty map. */
    public static final KeyMetadata NONE = new KeyMetadata(Optional.empty());

    public KeyMetadata {
        Objects.requireNonNull(owningDevice, "owningDevice");
    }

    public static KeyMetadata ownedBy(UUID device) {
        return new KeyMetadata(Optional.of(device));
    }
}
