package org.assure.authority.internal.coap;

import java.time.Clock;
import java.time.Instant;
import org.assure.core.cbor.TimestampCodec;
import org.assure.core.model.PrecisionTimestamp;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** {@code GET /v1/timestamp} (draft §11.4.1, PROFILE §8): the precision timestamp, to any client. */
final class TimestampResource extends CoapResource {
    private final Clock clock;

    TimestampResource() {
        this(Clock.systemUTC());
    }

    TimestampResource(Clock clock) {
        super("timestamp");
        this.clock = clock;
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        Instant now = clock.instant();
        exchange.respond(ResponseCode.CONTENT, TimestampCodec.encodePrecision(PrecisionTimestamp.of(now)),
                MediaTypeRegistry.APPLICATION_CBOR);
    }
}
