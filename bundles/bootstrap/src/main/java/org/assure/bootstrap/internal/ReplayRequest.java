package org.assure.bootstrap.internal;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.assure.core.model.Bytes;

/**
 * One CoAP request of a bootstrap payload (draft §15.5.4), decoded from its RFC 7252 UDP encoding.
 *
 * @param method        the CoAP method code (1 GET, 2 POST, 3 PUT, 4 DELETE)
 * @param path          the Uri-Path segments
 * @param query         the Uri-Query items
 * @param contentFormat the Content-Format option, if present
 * @param payload       the payload, possibly empty
 */
public record ReplayRequest(int method, List<String> path, List<String> query, OptionalInt contentFormat, Bytes payload) {
    public ReplayRequest {
        if (method < 1 || method > 4) {
            throw new IllegalArgumentException("not a Device Management API method: " + method);
        }
        path = List.copyOf(path);
        query = List.copyOf(query);
        Objects.requireNonNull(contentFormat, "contentFormat");
        Objects.requireNonNull(payload, "payload");
    }
}
