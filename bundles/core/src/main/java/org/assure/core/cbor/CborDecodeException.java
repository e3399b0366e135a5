package org.assure.core.cbor;

import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;

/**
 * Input that is not a valid encoding of the expected structure. The message names the field path and the rule
 * broken, never the offending bytes. Its kind is always {@link ErrorKind#MALFORMED} (CoAP 4.00, HTTP 400).
 */
public class CborDecodeException extends AssureException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public CborDecodeException(String path, String reason) {
        super(ErrorKind.MALFORMED, path.isEmpty() ? reason : path + ": " + reason);
        this.path = path;
    }

    /** Where in the structure decoding failed, e.g. {@code bootstrap_image.keys[2].signature.r}. */
    public String path() {
        return path;
    }
}
