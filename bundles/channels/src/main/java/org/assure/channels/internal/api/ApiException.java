package org.assure.channels.internal.api;

import java.util.Objects;
import org.assure.channels.ManagementStatus;

/** A request that ends in an error response; the message is the fixed diagnostic text sent to the client. */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ManagementStatus status;

    ApiException(ManagementStatus status, String diagnostic) {
        super(diagnostic, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
    }

    ManagementStatus status() {
        return status;
    }

    static ApiException badRequest() {
        return new ApiException(ManagementStatus.BAD_REQUEST, "malformed request");
    }
}
