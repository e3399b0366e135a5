package org.assure.keystore.internal;

/**
 * A factory identity file is missing, malformed or does not decrypt. The message names the file and the field,
 * never a value.
 */
final class FactoryIdentityException extends Exception {
    private static final long serialVersionUID = 1L;

    FactoryIdentityException(String message) {
        super(message);
    }

    FactoryIdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
