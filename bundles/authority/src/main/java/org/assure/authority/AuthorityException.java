package org.assure.authority;

import org.assure.core.error.ErrorKind;

/**
 * A refused or failed authority operation, with the transport-neutral kind its API answers with (the HTTP and
 * CoAP adapters map kinds to the draft's codes). Messages are short fixed texts: never input, never secrets.
 */
public final class AuthorityException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorKind kind;

    public AuthorityException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AuthorityException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static AuthorityException unavailable(Throwable cause) {
        return new AuthorityException(ErrorKind.UNAVAILABLE, "database unavailable", cause);
    }

    public static AuthorityException forbidden() {
        return new AuthorityException(ErrorKind.FORBIDDEN, "forbidden");
    }

    public static AuthorityException malformed(String what) {
        return new AuthorityException(ErrorKind.MALFORMED, what);
    }

    /** What went wrong, for the response code. */
    public ErrorKind kind() {
        return kind;
    }
}
