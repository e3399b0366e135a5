package org.eclipse.kura;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The checked exception of the Kura API: a {@link KuraErrorCode} plus optional message arguments and cause.
 * <p>
 * Kura formats the message from a pattern per error code kept in its core bundle. This stand-in ships no such
 * patterns, so the message is always the generic form {@code "Generic Error - <CODE>"}, followed by
 * {@code ": "} and the arguments separated by {@code ", "} when there are any. Callers must not pass secrets as
 * arguments: they end up in the message.
 */
@ProviderType
public class KuraException extends Exception {

    private static final long serialVersionUID = 7468633737373095296L;

    private final KuraErrorCode code;

    /**
     * @param code what went wrong
     * @throws NullPointerException if {@code code} is null
     */
    public KuraException(KuraErrorCode code) {
        this(code, null, (Object[]) null);
    }

    /**
     * @param code what went wrong
     * @param arguments values that describe the failure; may be null or empty
     * @throws NullPointerException if {@code code} is null
     */
    public KuraException(KuraErrorCode code, Object... arguments) {
        this(code, null, arguments);
    }

    /**
     * @param code what went wrong
     * @param cause the underlying failure; may be null
     * @param arguments values that describe the failure; may be null or empty
     * @throws NullPointerException if {@code code} is null
     */
    public KuraException(KuraErrorCode code, Throwable cause, Object... arguments) {
        super(genericMessage(code, arguments), cause);
        this.code = code;
    }

    /** An {@link KuraErrorCode#INTERNAL_ERROR} with {@code message} as its only argument. */
    public static KuraException internalError(String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, null, message);
    }

    /** An {@link KuraErrorCode#INTERNAL_ERROR} caused by {@code cause}, without arguments. */
    public static KuraException internalError(Throwable cause) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, (Object[]) null);
    }

    /** An {@link KuraErrorCode#INTERNAL_ERROR} caused by {@code cause}, with {@code message} as its only argument. */
    public static KuraException internalError(Throwable cause, String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, message);
    }

    /** @return the error code, never null */
    public KuraErrorCode getCode() {
        return this.code;
    }

    /** The message Kura falls back to when it has no pattern for a code. */
    private static String genericMessage(KuraErrorCode code, Object[] arguments) {
        Objects.requireNonNull(code, "code");
        String generic = "Generic Error - " + code.name();
        if (arguments == null || arguments.length == 0) {
            return generic;
        }
        return generic + ": " + Arrays.stream(arguments).map(String::valueOf).collect(Collectors.joining(", "));
    }
}
