package org.assure.channels;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.assure.core.model.Bytes;

/**
 * One Device Management API request, independent of CoAP: what a CoAP resource received, or what a bootstrap
 * replays from the image (PROFILE §5).
 *
 * @param method        the CoAP method
 * @param path          the Uri-Path segments, e.g. {@code [v1, channels, 3, open]}
 * @param query         the Uri-Query items, e.g. {@code [type=1, persistent=true]}
 * @param contentFormat the Content-Format option, if present
 * @param payload       the payload (empty if none)
 */
public record ManagementRequest(ManagementMethod method, List<String> path, List<String> query,
        OptionalInt contentFormat, Bytes payload) {
    /** CoAP Content-Format {@code application/cbor}. */
    public static final int CBOR = 60;

    public ManagementRequest {
        Objects.requireNonNull(method, "method");
        path = List.copyOf(path);
        query = List.copyOf(query);
        Objects.requireNonNull(contentFormat, "contentFormat");
        Objects.requireNonNull(payload, "payload");
    }

    /** A request without query, content format or payload. */
    public static ManagementRequest of(ManagementMethod method, String... path) {
        return new ManagementRequest(method, List.of(path), List.of(), OptionalInt.empty(), Bytes.EMPTY);
    }

    /** A request with a CBOR payload. */
    public static ManagementRequest cbor(ManagementMethod method, byte[] payload, String... path) {
        return new ManagementRequest(method, List.of(path), List.of(), OptionalInt.of(CBOR), Bytes.of(payload));
    }
}
