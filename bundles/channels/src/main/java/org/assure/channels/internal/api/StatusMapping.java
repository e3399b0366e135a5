package org.assure.channels.internal.api;

import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.error.ErrorKind;

/** The one place that maps transport-neutral error kinds to response codes (STYLE error table). */
final class StatusMapping {
    private StatusMapping() {
    }

    static ManagementStatus status(ErrorKind kind) {
        return switch (kind) {
            case MALFORMED -> ManagementStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> ManagementStatus.UNAUTHORIZED;
            case FORBIDDEN -> ManagementStatus.FORBIDDEN;
            case NOT_FOUND -> ManagementStatus.NOT_FOUND;
            case CONFLICT -> ManagementStatus.CONFLICT;
            case TOO_LARGE -> ManagementStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED_FORMAT -> ManagementStatus.UNSUPPORTED_CONTENT_FORMAT;
            case NOT_IMPLEMENTED -> ManagementStatus.NOT_IMPLEMENTED;
            case UNAVAILABLE -> ManagementStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> ManagementStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** The error response for {@code status}: its fixed diagnostic, never the exception's text. */
    static ManagementResponse error(ManagementStatus status) {
        return ManagementResponse.error(status, diagnostic(status));
    }

    static String diagnostic(ManagementStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed request";
            case UNAUTHORIZED -> "channel lacks the privilege";
            case FORBIDDEN -> "not allowed";
            case NOT_FOUND -> "not found";
            case METHOD_NOT_ALLOWED -> "method not allowed";
            case CONFLICT -> "already exists";
            case REQUEST_ENTITY_TOO_LARGE -> "no space";
            case UNSUPPORTED_CONTENT_FORMAT -> "expected application/cbor";
            case NOT_IMPLEMENTED -> "not supported";
            case SERVICE_UNAVAILABLE -> "service unavailable";
            default -> "internal error";
        };
    }
}
