package org.assure.core.trust;

import java.util.Objects;
import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;

/**
 * A signature or authenticated key failed validation; {@link #reason()} says which check. Kind
 * {@link ErrorKind#FORBIDDEN} for trust failures, {@link ErrorKind#MALFORMED} for unusable key material.
 */
public final class ValidationException extends AssureException {
    private static final long serialVersionUID = 1L;

    /** Why validation failed; the first five follow the draft's checks (§7.4). */
    public enum Reason {
        /** Check 1: the signing key is not present on the device. */
        SIGNER_UNKNOWN("signing key is not trusted"),
        /** Check 2: now is outside the signature's validity. */
        SIGNATURE_NOT_CURRENT("signature is expired or not yet valid"),
        /** Check 3: a key in the signer's chain has a signature outside its validity. */
        CHAIN_NOT_CURRENT("a key in the signing chain is expired or not yet valid"),
        /** Check 4: the signer's class may not sign this class or artifact. */
        CLASS_NOT_PERMITTED("signer class may not sign this"),
        /** Check 5: the signature does not match. */
        SIGNATURE_INVALID("signature does not verify"),
        /** The structure carries no signature value. */
        UNSIGNED("signature value is empty"),
        /** The signature format does not fit the signer's key (e.g. HMAC by an EC key). */
        FORMAT_MISMATCH("signature format does not match the signer's key"),
        /** The signer's chain does not end in a trust anchor within the depth limit, or loops. */
        CHAIN_BROKEN("signing chain does not end in a trust anchor"),
        /** The key's own material does not parse, or its private part does not match. */
        KEY_MATERIAL_INVALID("key material is invalid");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** Fixed text for logs and diagnostics. */
        public String text() {
            return text;
        }
    }

    private final Reason reason;

    public ValidationException(Reason reason) {
        super(reason == Reason.KEY_MATERIAL_INVALID ? ErrorKind.MALFORMED : ErrorKind.FORBIDDEN,
                Objects.requireNonNull(reason, "reason").text());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
