package org.assure.authority.internal.coap;

import java.util.List;
import org.assure.authority.internal.mgmt.DeviceRequest;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;

/**
 * Device Management API requests as CoAP messages (RFC 7252 UDP encoding, Californium's serializer): for pushing
 * over a management channel, and as the messages of a bootstrap payload (draft §15.5.4, PROFILE §5).
 */
public final class CoapMessages {
    private CoapMessages() {
    }

    /** A confirmable Californium request for {@code r}, CBOR payload (Content-Format 60). */
    public static Request request(DeviceRequest r) {
        Request request = new Request(CoAP.Code.valueOf(r.method()), CoAP.Type.CON);
        request.getOptions().setUriPath(r.path());
        if (!r.query().isEmpty()) {
            request.getOptions().setUriQuery(r.query());
        }
        byte[] payload = r.payload();
        if (payload.length > 0) {
            request.setPayload(payload);
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_CBOR);
        }
        return request;
    }

    /** The UDP encoding of {@code r} with message id {@code mid} and a one-byte token. */
    public static byte[] encode(DeviceRequest r, int mid) {
        Request request = request(r);
        request.setMID(mid & 0xFFFF);
        request.setToken(new byte[] {(byte) mid});
        return new UdpDataSerializer().getByteArray(request);
    }

    /** A bootstrap payload replaying {@code requests} in order (draft §15.5.4). */
    public static BootstrapPayload payload(List<DeviceRequest> requests) {
        java.util.ArrayList<Bytes> messages = new java.util.ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            messages.add(Bytes.of(encode(requests.get(i), i + 1)));
        }
        return new BootstrapPayload(messages);
    }
}
