package org.assure.bootstrap.internal;

import java.util.Objects;
import org.assure.bootstrap.BootstrapOutcome.Result;

/**
 * An image was rejected ({@link Result#REJECTED}) or could not be applied ({@link Result#APPLY_FAILED}); nothing
 * changed. The message is a short fixed text, safe to log and to report.
 */
final class ApplyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Result result;

    ApplyException(Result result, String reason, Throwable cause) {
        super(reason, cause);
        this.result = Objects.requireNonNull(result, "result");
        if (result != Result.REJECTED && result != Result.APPLY_FAILED) {
            throw new IllegalArgumentException("not an apply failure: " + result);
        }
    }

    Result result() {
        return result;
    }
}
