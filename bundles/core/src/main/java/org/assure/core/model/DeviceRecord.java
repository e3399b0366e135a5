package org.assure.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The manufacturer's device record, draft §9.2.1 (JSON, then ECIES-encrypted to the Identity Service). A record
 * holds either a shared secret or a public key, never both (PROFILE §9). The case string and secret never appear
 * in {@link #toString()}.
 *
 * @param id              device UUID
 * @param bootstrapServer bootstrap server id, non-negative
 * @param caseString      the string printed on the case
 * @param sharedSecret    the device secret, for shared-secret-only devices
 * @param publicKeyPem    X.509 SubjectPublicKeyInfo PEM of the device key, for EC/RSA devices
 * @param parameterSet    the parameter set UUID, if any
 * @param capabilities    bootstrap capabilities
 */
public record DeviceRecord(UUID id, long bootstrapServer, String caseString, Optional<SecretBytes> sharedSecret,
        Optional<String> publicKeyPem, Optional<UUID> parameterSet, DeviceCapabilities capabilities) {
    public DeviceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseString, "caseString");
        Objects.requireNonNull(sharedSecret, "sharedSecret");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        Objects.requireNonNull(parameterSet, "parameterSet");
        Objects.requireNonNull(capabilities, "capabilities");
        if (bootstrapServer < 0) {
            throw new IllegalArgumentException("negative bootstrap server id");
        }
        if (caseString.isEmpty()) {
            throw new IllegalArgumentException("empty case string");
        }
        Unicode.requireWellFormed(caseString, "case string");
        publicKeyPem.ifPresent(pem -> Unicode.requireWellFormed(pem, "public key PEM"));
        if (sharedSecret.isPresent() == publicKeyPem.isPresent()) {
            throw new IllegalArgumentException("a device record holds exactly one of shared_secret and public_key");
        }
        if (sharedSecret.isPresent() && sharedSecret.get().length() < 16) {
            throw new IllegalArgumentException("device secret shorter than 128 bits");
        }
    }

    @Override
    public String toString() {
        return "DeviceRecord[id=" + id + ", bootstrapServer=" + bootstrapServer + ", key="
                + (sharedSecret.isPresent() ? "shared secret" : "public key") + ", parameterSet="
                + parameterSet.map(UUID::toString).orElse("none") + ", capabilities=" + capabilities + "]";
    }
}
