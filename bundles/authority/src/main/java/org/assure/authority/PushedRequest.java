package org.assure.authority;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One Device Management API request (draft §10) pushed to a device for a channel, and the CoAP response code the
 * device answered (e.g. {@code 2.04}); empty when it was not sent or not answered (the device's error says why).
 */
public record PushedRequest(UUID device, String method, String path, Optional<String> responseCode) {
    public PushedRequest {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(responseCode, "responseCode");
    }

    /** Whether the device answered with a success (2.xx) code. */
    public boolean succeeded() {
        return responseCode.filter(c -> c.startsWith("2.")).isPresent();
    }
}
