package org.assure.core.crypto;

import java.util.EnumSet;
import java.util.Set;

import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;

/**
 * A cryptographic operation failed on its input. The kind says why: {@link ErrorKind#MALFORMED} for keys or
 * envelopes that cannot be decoded, {@link ErrorKind#UNAUTHENTICATED} for failed verification or decryption,
 * {@link ErrorKind#NOT_IMPLEMENTED} for algorithms or key sizes this profile does not support. Messages are short
 * fixed texts that never contain key material or echo input.
 */
public final class CryptoException extends AssureException {
    private static final long serialVersionUID = 1L;

    private static final Set<ErrorKind> KINDS =
            EnumSet.of(ErrorKind.MALFORMED, ErrorKind.UNAUTHENTICATED, ErrorKind.NOT_IMPLEMENTED);

    /**
     * @throws IllegalArgumentException if {@code kind} is not one of the three kinds above
     */
    public CryptoException(ErrorKind kind, String message) {
        super(checked(kind), message);
    }

    /**
     * With the underlying library failure as cause; use only where the cause cannot leak secret-dependent detail.
     *
     * @throws IllegalArgumentException if {@code kind} is not one of the three kinds above
     */
    public CryptoException(ErrorKind kind, String message, Throwable cause) {
        super(checked(kind), message, cause);
    }

    static CryptoException malformed(String message) {
        return new CryptoException(ErrorKind.MALFORMED, message);
    }

    static CryptoException malformed(String message, Throwable cause) {
        return new CryptoException(ErrorKind.MALFORMED, message, cause);
    }

    static CryptoException unauthenticated(String message) {
        return new CryptoException(ErrorKind.UNAUTHENTICATED, message);
    }

    static CryptoException notImplemented(String message) {
        return new CryptoException(ErrorKind.NOT_IMPLEMENTED, message);
    }

    private static ErrorKind checked(ErrorKind kind) {
        if (kind != null && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("CryptoException kind must be MALFORMED, UNAUTHENTICATED or NOT_IMPLEMENTED");
        }
        return kind;
    }
}
