package org.assure.keystore.internal;

import java.util.Objects;
import java.util.UUID;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.SecretBytes;

/**
 * The contents of a factory identity file (docs/factory-identity.md) in clear: what the manufacturer installs.
 * {@code toString} shows no secret.
 *
 * @param deviceId            the device UUID
 * @param bootstrapServerId   the bootstrap server id
 * @param deviceCredential    the device key with its private part, or the device secret
 * @param trustedAuthorityKey the Trusted Authority key in public form: EC, RSA, or a derived secret with a
 *                            derivation from the device secret (docs/PROFILE-ADDITIONS.md item 9)
 */
record FactoryIdentity(UUID deviceId, long bootstrapServerId, DeviceCredential deviceCredential,
        KeyDefinition trustedAuthorityKey) {
    FactoryIdentity {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceCredential, "deviceCredential");
        Objects.requireNonNull(trustedAuthorityKey, "trustedAuthorityKey");
        if (bootstrapServerId < 0) {
            throw new IllegalArgumentException("negative bootstrap server id");
        }
        if (trustedAuthorityKey instanceof AsymmetricKey a && a.hasPrivateKey()) {
            throw new IllegalArgumentException("the Trusted Authority's private key never reaches a device");
        }
    }

    /** The device's own key: an EC/RSA key pair or a shared secret. */
    sealed interface DeviceCredential permits DeviceKey, DeviceSecret {
        UUID keyId();
    }

    /** An EC or RSA device key with its private part. */
    record DeviceKey(AsymmetricKey key) implements DeviceCredential {
        DeviceKey {
            Objects.requireNonNull(key, "key");
            if (!key.hasPrivateKey()) {
                throw new IllegalArgumentException("the device key needs its private part");
            }
        }

        @Override
        public UUID keyId() {
            return key.keyId();
        }

        @Override
        public String toString() {
            return "DeviceKey[" + key.keyId() + ", " + key.format().label() + "]";
        }
    }

    /** A device shared secret, 16..64 bytes (draft §6.2.3: at least 128 bits). */
    record DeviceSecret(UUID keyId, SecretBytes secret) implements DeviceCredential {
        DeviceSecret {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(secret, "secret");
            if (secret.length() < 16 || secret.length() > 64) {
                throw new IllegalArgumentException("a device secret is 16..64 bytes");
            }
        }
    }
}
