package org.assure.kura.internal;

import java.time.Instant;
import java.util.Date;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.message.KuraPayload;

/**
 * Reply messages of the remote operations. Kura's MQTT connection sends whatever the handler returns to
 * {@code REPLY/<request.id>} and leaves {@code response.code} to the handler. Errors are replies too, not
 * exceptions: Kura would put an exception's message and stack trace into the reply, and ours stay fixed texts.
 */
final class Replies {
    /** HTTP-like status (Integer): 200, 400, 403, 404, 405, 409, 500, 503. */
    static final String RESPONSE_CODE = "response.code";
    /** Short fixed diagnostic (String) on errors; never echoes input. */
    static final String RESPONSE_ERROR = "response.error";

    static final int OK = 200;
    static final int BAD_REQUEST = 400;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int INTERNAL_ERROR = 500;
    static final int UNAVAILABLE = 503;

    private Replies() {
    }

    /** A 200 reply with the metrics already in {@code payload}. */
    static KuraMessage ok(KuraPayload payload, Instant at) {
        payload.setTimestamp(Date.from(at));
        payload.addMetric(RESPONSE_CODE, OK);
        return new KuraMessage(payload);
    }

    static KuraMessage error(Failure failure, Instant at) {
        KuraPayload payload = new KuraPayload();
        payload.setTimestamp(Date.from(at));
        payload.addMetric(RESPONSE_CODE, failure.code());
        payload.addMetric(RESPONSE_ERROR, failure.getMessage());
        return new KuraMessage(payload);
    }

    /** A request that ends in an error reply; the message is a fixed text safe to send. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int code;

        Failure(int code, String fixedText) {
            super(fixedText, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }
    }
}
