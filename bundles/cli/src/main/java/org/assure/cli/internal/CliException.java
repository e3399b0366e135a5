package org.assure.cli.internal;

/**
 * A failure the user caused or can fix (bad input, unreadable file, wrong key). {@link AssureMain} prints its
 * message as the single line {@code error: <message>} and exits with {@link AssureMain#EXIT_USAGE}; the message
 * must therefore be one line and must never contain key material or secrets.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
