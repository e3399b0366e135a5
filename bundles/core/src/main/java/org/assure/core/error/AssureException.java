package org.assure.core.error;

import java.util.Objects;

/**
 * A protocol-level failure with a transport-neutral {@link ErrorKind}. The message is a short fixed text
 * suitable for logs; it never contains secrets or echoes input.
 */
public class AssureException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    public AssureException(ErrorKind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public AssureException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ErrorKind kind() {
        return kind;
    }
}
