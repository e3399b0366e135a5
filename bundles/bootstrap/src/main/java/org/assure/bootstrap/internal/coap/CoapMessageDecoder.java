package org.assure.bootstrap.internal.coap;

import java.util.OptionalInt;
import org.assure.bootstrap.internal.MessageDecoder;
import org.assure.bootstrap.internal.ReplayRequest;
import org.assure.core.model.Bytes;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.serialization.UdpDataParser;

/**
 * Decodes the CoAP messages of a bootstrap payload (draft §15.5.4, PROFILE §5: RFC 7252 UDP encoding) with
 * Californium's parser. Only requests with the Device Management API's methods (GET, POST, PUT, DELETE) pass;
 * responses, empty messages, other methods, and requests naming another host (Uri-Host, Proxy-Uri, Proxy-Scheme)
 * are refused, since the payload is replayed to the local API only.
 */
public final class CoapMessageDecoder implements MessageDecoder {
    private final UdpDataParser parser = new UdpDataParser();

    @Override
    public ReplayRequest decode(Bytes message) {
        Message parsed;
        try {
            parsed = parser.parseMessage(message.toByteArray());
        } catch (RuntimeException e) {
            // Californium signals malformed input with several runtime exceptions (MessageFormatException, ...).
            throw new IllegalArgumentException("not a CoAP message", e);
        }
        if (!(parsed instanceof Request request)) {
            throw new IllegalArgumentException("not a CoAP request");
        }
        int method = request.getCode().value;
        if (method < 1 || method > 4) {
            throw new IllegalArgumentException("not a Device Management API method");
        }
        OptionSet options = request.getOptions();
        if (options.hasUriHost() || options.hasProxyUri() || options.hasProxyScheme()) {
            throw new IllegalArgumentException("request addresses another host");
        }
        OptionalInt format = options.hasContentFormat() ? OptionalInt.of(options.getContentFormat())
                : OptionalInt.empty();
        return new ReplayRequest(method, options.getUriPath(), options.getUriQuery(), format,
                Bytes.of(request.getPayload() == null ? new byte[0] : request.getPayload()));
    }
}
