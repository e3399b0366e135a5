package org.assure.authority.internal.mgmt;

import java.security.PublicKey;
import java.util.Objects;
import java.util.UUID;
import org.assure.core.model.Address;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.SigningKey;

/**
 * What the management system knows about one of its devices when it plans channels (draft §13): where it is,
 * its device key (EC, RSA, or — for a shared-secret device — the derived management key both share), what it can
 * do, and the management key it signs this device's keys with (ECDSA for devices that verify it, else HMAC).
 */
public record PlannedDevice(UUID id, Address address, DeviceKey key, DeviceCapabilities capabilities,
        SigningKey signer) {
    public PlannedDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(signer, "signer");
    }

    /** The key a device authenticates with. */
    public sealed interface DeviceKey {
        /** An EC device key; its key id is the device UUID. */
        record Ec(PublicKey publicKey) implements DeviceKey {
        }

        /** An RSA device key; its key id is the device UUID. */
        record Rsa(PublicKey publicKey) implements DeviceKey {
        }

        /** A secret the device and the management system share (the derived management key). */
        record Secret(UUID keyId, SecretBytes secret) implements DeviceKey {
            @Override
            public String toString() {
                return "Secret[" + keyId + "]";
            }
        }
    }

    boolean ec() {
        return key instanceof DeviceKey.Ec;
    }

    boolean rsa() {
        return key instanceof DeviceKey.Rsa;
    }

    boolean canEc() {
        return ec() || (rsa() && capabilities.ecCapable());
    }

    boolean canRsa() {
        return rsa() || (ec() && capabilities.rsaCapable());
    }
}
