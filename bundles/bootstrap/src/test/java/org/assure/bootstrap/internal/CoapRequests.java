package org.assure.bootstrap.internal;

import org.assure.core.model.Bytes;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;

/** CoAP requests in the RFC 7252 UDP encoding, as a management system puts them into a bootstrap payload. */
final class CoapRequests {
    private static final UdpDataSerializer SERIALIZER = new UdpDataSerializer();
    private static int mid;

    private CoapRequests() {
    }

    static synchronized Bytes put(byte[] cbor, String... path) {
        Request request = Request.newPut();
        for (String segment : path) {
            request.getOptions().addUriPath(segment);
        }
        request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_CBOR);
        request.setPayload(cbor);
        request.setMID(++mid & 0xFFFF);
        request.setToken(new Token(new byte[] {(byte) mid}));
        return Bytes.of(SERIALIZER.getByteArray(request));
    }
}
