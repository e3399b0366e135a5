package org.assure.channels;

/**
 * CoAP response codes (RFC 7252 §12.1.2, RFC 7959, RFC 8516), with their numbers; the Device Management API
 * (draft §10.1, STYLE error table) answers a subset, peers reached with {@link ChannelManager#send} any of them.
 */
public enum ManagementStatus {
    CREATED(2, 1),
    DELETED(2, 2),
    VALID(2, 3),
    CHANGED(2, 4),
    CONTENT(2, 5),
    CONTINUE(2, 31),
    BAD_REQUEST(4, 0),
    UNAUTHORIZED(4, 1),
    BAD_OPTION(4, 2),
    FORBIDDEN(4, 3),
    NOT_FOUND(4, 4),
    METHOD_NOT_ALLOWED(4, 5),
    NOT_ACCEPTABLE(4, 6),
    REQUEST_ENTITY_INCOMPLETE(4, 8),
    CONFLICT(4, 9),
    PRECONDITION_FAILED(4, 12),
    REQUEST_ENTITY_TOO_LARGE(4, 13),
    UNSUPPORTED_CONTENT_FORMAT(4, 15),
    TOO_MANY_REQUESTS(4, 29),
    INTERNAL_SERVER_ERROR(5, 0),
    NOT_IMPLEMENTED(5, 1),
    BAD_GATEWAY(5, 2),
    SERVICE_UNAVAILABLE(5, 3),
    GATEWAY_TIMEOUT(5, 4),
    PROXY_NOT_SUPPORTED(5, 5);

    private final int codeClass;
    private final int codeDetail;

    ManagementStatus(int codeClass, int codeDetail) {
        this.codeClass = codeClass;
        this.codeDetail = codeDetail;
    }

    /** The class digit, e.g. 4 in 4.03. */
    public int codeClass() {
        return codeClass;
    }

    /** The detail, e.g. 3 in 4.03. */
    public int codeDetail() {
        return codeDetail;
    }

    /** The CoAP code byte ({@code class << 5 | detail}). */
    public int code() {
        return codeClass << 5 | codeDetail;
    }

    /** The status with CoAP code byte {@code code}, if it is a known response code. */
    public static java.util.Optional<ManagementStatus> fromCode(int code) {
        for (ManagementStatus status : values()) {
            if (status.code() == code) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether this is a 2.xx success. */
    public boolean isSuccess() {
        return codeClass == 2;
    }

    /** The dotted form, e.g. {@code 4.03}. */
    public String text() {
        return codeClass + "." + (codeDetail < 10 ? "0" : "") + codeDetail;
    }
}
