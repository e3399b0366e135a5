package org.assure.core.bootstrap;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.trust.TrustedKeys;

/**
 * What the device knows when it opens a bootstrap image: its UUID, its trusted keys (anchors and earlier
 * imports), the owner sequence it stored, trusted time if it has any, and — when it reached the bootstrap server
 * with raw public keys (draft §15.4) — the server key it accepted provisionally.
 */
public record DeviceState(UUID deviceId, TrustedKeys trusted, long storedOwnerSequence,
        Optional<SimpleTimestamp> trustedTime, Optional<PublicKey> provisionalServerKey) {
    public DeviceState {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(trusted, "trusted");
        Objects.requireNonNull(trustedTime, "trustedTime");
        Objects.requireNonNull(provisionalServerKey, "provisionalServerKey");
        if (storedOwnerSequence < 0) {
            throw new IllegalArgumentException("negative owner sequence");
        }
    }

    /** A device without trusted time that reached the bootstrap server with a shared secret. */
    public static DeviceState of(UUID deviceId, TrustedKeys trusted, long storedOwnerSequence) {
        return new DeviceState(deviceId, trusted, storedOwnerSequence, Optional.empty(), Optional.empty());
    }
}
