package org.assure.bootstrap.internal;

import java.util.Objects;
import org.assure.bootstrap.BootstrapOutcome.Result;

/** Fetching the image failed: the server was unreachable or refused. The message is a short fixed text. */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Result result;

    public FetchException(Result result, String reason, Throwable cause) {
        super(reason, cause);
        this.result = Objects.requireNonNull(result, "result");
        if (result != Result.UNREACHABLE && result != Result.REFUSED) {
            throw new IllegalArgumentException("not a fetch failure: " + result);
        }
    }

    public Result result() {
        return result;
    }
}
