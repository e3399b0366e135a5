package org.assure.core.bootstrap;

import java.util.Objects;
import java.util.Optional;
import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;
import org.assure.core.trust.ValidationException;

/**
 * A bootstrap image was rejected; {@link #reason()} says at which of the ordered checks of PROFILE §5. Nothing
 * was changed on the device.
 */
public final class BootstrapException extends AssureException {
    private static final long serialVersionUID = 1L;

    /** The check that failed, in the order PROFILE §5 runs them. */
    public enum Reason {
        MALFORMED_IMAGE("image is not a valid bootstrap image"),
        OWNER_SIGNATURE("owner information is not signed by a trusted Manufacturer or Trusted Authority key for this device"),
        OWNER_SEQUENCE_REPLAYED("owner sequence is older than the stored one"),
        KEY_REJECTED("an authenticated key in the image failed validation"),
        BOOTSTRAP_SERVER_NOT_CONFIRMED("the bootstrap server's key is not in the image as a Bootstrap Service key"),
        IMAGE_SIGNATURE("image is not signed by a trusted Management System key"),
        NO_DECRYPTION_KEY("the device holds no usable decryption key"),
        DECRYPTION_FAILED("payload does not decrypt"),
        MALFORMED_PAYLOAD("decrypted payload is not a list of CoAP messages");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Reason reason;
    private final int keyIndex;

    private BootstrapException(Reason reason, int keyIndex, String message, Throwable cause) {
        super(kindOf(reason), message, cause);
        this.reason = reason;
        this.keyIndex = keyIndex;
    }

    public static BootstrapException of(Reason reason) {
        return new BootstrapException(Objects.requireNonNull(reason), -1, reason.text(), null);
    }

    public static BootstrapException of(Reason reason, Throwable cause) {
        String detail = cause instanceof AssureException ae ? ": " + ae.getMessage() : "";
        return new BootstrapException(Objects.requireNonNull(reason), -1, reason.text() + detail, cause);
    }

    /** A key at {@code index} (0-based, in image order) was rejected. */
    public static BootstrapException keyRejected(int index, ValidationException cause) {
        return new BootstrapException(Reason.KEY_REJECTED, index,
                Reason.KEY_REJECTED.text() + " (key " + index + ": " + cause.reason().text() + ")", cause);
    }

    private static ErrorKind kindOf(Reason reason) {
        return switch (reason) {
            case MALFORMED_IMAGE, MALFORMED_PAYLOAD -> ErrorKind.MALFORMED;
            case NO_DECRYPTION_KEY -> ErrorKind.NOT_FOUND;
            default -> ErrorKind.FORBIDDEN;
        };
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#KEY_REJECTED}: the index of the rejected key. */
    public Optional<Integer> keyIndex() {
        return keyIndex < 0 ? Optional.empty() : Optional.of(keyIndex);
    }
}
