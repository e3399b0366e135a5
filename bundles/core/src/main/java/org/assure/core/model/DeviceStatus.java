package org.assure.core.model;

import java.util.Objects;

/**
 * Registration status of a device at the management server, draft §11.2.3: {@code {status, description}}.
 * The draft leaves the values open; {@code PROFILE.md} does not fix them either, so any non-negative integer is
 * carried.
 */
public record DeviceStatus(int status, String description) {
    public DeviceStatus {
        Objects.requireNonNull(description, "description");
        Unicode.requireWellFormed(description, "description");
        if (status < 0) {
            throw new IllegalArgumentException("negative status");
        }
    }
}
