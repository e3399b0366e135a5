package org.assure.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * The payload of the QR code printed on a device, draft §6.2.5 and PROFILE §8: {@code [1, device uuid, case id]}.
 * The case id proves possession; it is a secret and never shown by {@link #toString()}.
 *
 * @param version  1 for aSSURE v1
 * @param deviceId the device UUID
 * @param caseId   the case id, 16..64 bytes (at least 128 bits, draft §6.2.4)
 */
public record QrPayload(int version, UUID deviceId, SecretBytes caseId) {
    /** aSSURE v1. */
    public static final int VERSION_1 = 1;

    public QrPayload {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(caseId, "caseId");
        if (version != VERSION_1) {
            throw new IllegalArgumentException("unsupported QR payload version " + version);
        }
        if (caseId.length() < 16 || caseId.length() > 64) {
            throw new IllegalArgumentException("case id must be 16..64 bytes");
        }
    }

    public static QrPayload of(UUID deviceId, SecretBytes caseId) {
        return new QrPayload(VERSION_1, deviceId, caseId);
    }
}
