package org.assure.keystore.internal;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.assure.core.model.IdentityClass;
import org.assure.core.trust.TrustedKey;
import org.assure.keystore.TrustAnchors;

/**
 * The trust anchors of the factory identity, parsed: device UUID, device key or secret (class 4, with its private
 * part), Trusted Authority key (class 1) and bootstrap server id. {@code toString} shows no key material.
 */
record Anchors(UUID deviceId, TrustedKey deviceKey, TrustedKey trustedAuthorityKey, long bootstrapServerId) {
    Anchors {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(trustedAuthorityKey, "trustedAuthorityKey");
        if (!deviceKey.isAnchor() || deviceKey.identityClass() != IdentityClass.DEVICE) {
            throw new IllegalArgumentException("device key must be a class 4 anchor");
        }
        if (deviceKey.privateKey().isEmpty() && deviceKey.secret().isEmpty()) {
            throw new IllegalArgumentException("device key needs its private part or secret");
        }
        if (!trustedAuthorityKey.isAnchor() || trustedAuthorityKey.identityClass() != IdentityClass.TRUSTED_AUTHORITY) {
            throw new IllegalArgumentException("Trusted Authority key must be a class 1 anchor");
        }
        if (deviceKey.keyId().equals(trustedAuthorityKey.keyId())) {
            throw new IllegalArgumentException("device key and Trusted Authority key share an id");
        }
        if (bootstrapServerId < 0) {
            throw new IllegalArgumentException("negative bootstrap server id");
        }
    }

    List<KeyEntry> entries() {
        return List.of(KeyEntry.anchor(deviceKey), KeyEntry.anchor(trustedAuthorityKey));
    }

    boolean isAnchor(UUID keyId) {
        return deviceKey.keyId().equals(keyId) || trustedAuthorityKey.keyId().equals(keyId);
    }

    TrustAnchors info() {
        return new TrustAnchors(deviceId, KeyEntry.anchor(deviceKey).info(), KeyEntry.anchor(trustedAuthorityKey).info(),
                bootstrapServerId);
    }
}
