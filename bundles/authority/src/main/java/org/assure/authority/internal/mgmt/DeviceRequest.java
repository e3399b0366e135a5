package org.assure.authority.internal.mgmt;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One Device Management API request (draft §10) for one device: a CoAP method, a path and query, and a CBOR
 * payload. The payload may hold a private key or secret issued to the device, so it never shows in
 * {@link #toString()}; it travels only over the device's management channel or inside an encrypted bootstrap
 * payload.
 */
public final class DeviceRequest {
    private final UUID device;
    private final String method;
    private final String path;
    private final String query;
    private final byte[] payload;

    public DeviceRequest(UUID device, String method, String path, String query, byte[] payload) {
        this.device = Objects.requireNonNull(device, "device");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.query = Objects.requireNonNull(query, "query");
        this.payload = payload.clone();
    }

    public UUID device() {
        return device;
    }

    public String method() {
        return method;
    }

    /** The path without a leading slash, e.g. {@code v1/keys/<uuid>}. */
    public String path() {
        return path;
    }

    /** The query without {@code ?}, possibly empty. */
    public String query() {
        return query;
    }

    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceRequest r && device.equals(r.device) && method.equals(r.method)
                && path.equals(r.path) && query.equals(r.query) && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(device, method, path, query, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return method + " /" + path + (query.isEmpty() ? "" : "?" + query) + " to " + device + " ("
                + payload.length + " bytes)";
    }
}
