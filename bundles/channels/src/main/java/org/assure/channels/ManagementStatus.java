package org.assure.channels;

/** Response codes of the Device Management API (draft §10.1, STYLE error table), with their CoAP numbers. */
public enum ManagementStatus {
    CREATED(2, 1),
    DELETED(2, 2),
    CHANGED(2, 4),
    CONTENT(2, 5),
    BAD_REQUEST(4, 0),
    UNAUTHORIZED(4, 1),
    FORBIDDEN(4, 3),
    NOT_FOUND(4, 4),
    METHOD_NOT_ALLOWED(4, 5),
    CONFLICT(4, 9),
    REQUEST_ENTITY_TOO_LARGE(4, 13),
    UNSUPPORTED_CONTENT_FORMAT(4, 15),
    INTERNAL_SERVER_ERROR(5, 0),
    NOT_IMPLEMENTED(5, 1),
    SERVICE_UNAVAILABLE(5, 3);

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

    /** Whether this is a 2.xx success. */
    public boolean isSuccess() {
        return codeClass == 2;
    }

    /** The dotted form, e.g. {@code 4.03}. */
    public String text() {
        return codeClass + "." + (codeDetail < 10 ? "0" : "") + codeDetail;
    }
}
