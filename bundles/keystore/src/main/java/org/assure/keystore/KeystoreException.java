package org.assure.keystore;

import java.util.Objects;
import java.util.Optional;
import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;
import org.assure.core.trust.ValidationException;

/**
 * A keystore operation failed. {@link #reason()} says why; {@link #kind()} is the transport-neutral class the
 * CoAP adapter maps to a response code (STYLE.md). The message is a fixed text: never a key, secret or input.
 * A failed operation changes nothing.
 */
public final class KeystoreException extends AssureException {
    private static final long serialVersionUID = 1L;

    /** Why a keystore operation failed, with the {@link ErrorKind} (and so the draft's response code) it maps to. */
    public enum Reason {
        /** No key with that id (4.04). */
        KEY_NOT_FOUND(ErrorKind.NOT_FOUND, "key does not exist"),
        /** A different key with the same id is already stored, or the id is a trust anchor's (4.09). */
        KEY_ID_CONFLICT(ErrorKind.CONFLICT, "another key with this id exists"),
        /** The keystore holds as many keys as its capacity allows (draft §10.1.1, §10.1.2: 4.13). */
        FULL(ErrorKind.TOO_LARGE, "no space for more keys"),
        /** The key was defined by bootstrap and cannot be deleted through the API (PROFILE §5: 4.03). */
        BOOTSTRAP_DEFINED(ErrorKind.FORBIDDEN, "key was defined by bootstrap"),
        /** Trust anchors are installed at manufacture and cannot be changed (4.03). */
        TRUST_ANCHOR(ErrorKind.FORBIDDEN, "key is a trust anchor"),
        /** Another stored key is derived from or signed by this key (draft §10.1.4: 4.03). */
        KEY_IN_USE(ErrorKind.FORBIDDEN, "key is in use by another key"),
        /** The authenticated key failed core's checks; {@link #validationReason()} says which (4.03 or 4.00). */
        VALIDATION_FAILED(ErrorKind.FORBIDDEN, "authenticated key failed validation"),
        /** A bootstrap image's owner sequence is lower than the stored one (draft §15.5: 4.03). */
        OWNER_SEQUENCE_OLDER(ErrorKind.FORBIDDEN, "owner sequence number is older than the stored one"),
        /** A channel names a key this side cannot use: no private part or secret, or mismatched formats (4.03). */
        KEY_NOT_USABLE(ErrorKind.FORBIDDEN, "key cannot be used for this channel"),
        /** The requested key type cannot be generated (draft §10.1.2: 5.01). */
        UNSUPPORTED_KEY_TYPE(ErrorKind.NOT_IMPLEMENTED, "unsupported key type"),
        /** The keystore is busy with a transaction, closed, or its at-rest key is unavailable (5.03). */
        UNAVAILABLE(ErrorKind.UNAVAILABLE, "keystore is not available"),
        /** The store could not be read or written; nothing changed (5.00). */
        STORE_FAILED(ErrorKind.INTERNAL, "keystore could not be read or written");

        private final ErrorKind kind;
        private final String text;

        Reason(ErrorKind kind, String text) {
            this.kind = kind;
            this.text = text;
        }

        public ErrorKind kind() {
            return kind;
        }

        /** Fixed text for logs and diagnostics. */
        public String text() {
            return text;
        }
    }

    private final Reason reason;

    public KeystoreException(Reason reason) {
        super(Objects.requireNonNull(reason, "reason").kind(), reason.text());
        this.reason = reason;
    }

    public KeystoreException(Reason reason, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").kind(), reason.text(), cause);
        this.reason = reason;
    }

    /** A {@link Reason#VALIDATION_FAILED} whose kind follows core's (FORBIDDEN, or MALFORMED for bad key material). */
    public KeystoreException(ValidationException cause) {
        super(cause.kind(), Reason.VALIDATION_FAILED.text(), cause);
        this.reason = Reason.VALIDATION_FAILED;
    }

    public Reason reason() {
        return reason;
    }

    /** Which of core's checks failed, for {@link Reason#VALIDATION_FAILED}. */
    public Optional<ValidationException.Reason> validationReason() {
        return getCause() instanceof ValidationException v ? Optional.of(v.reason()) : Optional.empty();
    }
}
