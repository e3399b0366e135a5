package org.assure.keystore;

import java.util.Objects;
import java.util.UUID;
import org.assure.core.model.IdentityClass;

/**
 * The keys and identifiers installed at manufacture (factory identity, docs/factory-identity.md).
 *
 * @param deviceId            the device UUID
 * @param deviceKey           the device key (EC/RSA with private part) or device secret; class 4 Device
 * @param trustedAuthorityKey the Trusted Authority key; class 1
 * @param bootstrapServerId   the bootstrap server id (PROFILE §7: its decimal form prefixes the server's FQDN)
 */
public record TrustAnchors(UUID deviceId, KeyInfo deviceKey, KeyInfo trustedAuthorityKey, long bootstrapServerId) {
    public TrustAnchors {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(trustedAuthorityKey, "trustedAuthorityKey");
        if (deviceKey.identityClass() != IdentityClass.DEVICE || deviceKey.origin() != KeyOrigin.TRUST_ANCHOR) {
            throw new IllegalArgumentException("device key must be a class 4 trust anchor");
        }
        if (!deviceKey.usableLocally()) {
            throw new IllegalArgumentException("the device must hold its device key's private part or secret");
        }
        if (trustedAuthorityKey.identityClass() != IdentityClass.TRUSTED_AUTHORITY
                || trustedAuthorityKey.origin() != KeyOrigin.TRUST_ANCHOR) {
            throw new IllegalArgumentException("Trusted Authority key must be a class 1 trust anchor");
        }
        if (bootstrapServerId < 0) {
            throw new IllegalArgumentException("negative bootstrap server id");
        }
    }
}
