package org.assure.channels;

import java.util.Objects;
import java.util.OptionalInt;
import org.assure.core.model.Bytes;

/**
 * A Device Management API response. Errors carry a short fixed diagnostic text as payload (never input or
 * exception text); successes carry CBOR (Content-Format 60) or nothing, and ping echoes the request's format.
 *
 * @param status        the response code
 * @param contentFormat the Content-Format of the payload, if any
 * @param payload       the payload (empty if none)
 */
public record ManagementResponse(ManagementStatus status, OptionalInt contentFormat, Bytes payload) {
    public ManagementResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(contentFormat, "contentFormat");
        Objects.requireNonNull(payload, "payload");
    }

    /** A response without payload. */
    public static ManagementResponse of(ManagementStatus status) {
        return new ManagementResponse(status, OptionalInt.empty(), Bytes.EMPTY);
    }

    /** A response with a CBOR payload. */
    public static ManagementResponse cbor(ManagementStatus status, byte[] payload) {
        return new ManagementResponse(status, OptionalInt.of(ManagementRequest.CBOR), Bytes.of(payload));
    }

    /** An error with its fixed diagnostic (CoAP diagnostic payload, RFC 7252 §5.5.2: text/plain, no format). */
    public static ManagementResponse error(ManagementStatus status, String diagnostic) {
        return new ManagementResponse(status, OptionalInt.empty(),
                Bytes.of(diagnostic.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
