package org.assure.core.json;

import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;

/**
 * A JSON document that is not a valid encoding of the expected structure. The message names the field path and
 * the rule broken, never the offending input. Its kind is always {@link ErrorKind#MALFORMED} (HTTP 400).
 */
public class JsonDecodeException extends AssureException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public JsonDecodeException(String path, String reason) {
        super(ErrorKind.MALFORMED, path.isEmpty() ? reason : path + ": " + reason);
        this.path = path;
    }

    public JsonDecodeException(String path, String reason, Throwable cause) {
        super(ErrorKind.MALFORMED, path.isEmpty() ? reason : path + ": " + reason, cause);
        this.path = path;
    }

    /** Where in the document decoding failed, e.g. {@code device.capabilities.ec_capable}. */
    public String path() {
        return path;
    }
}
