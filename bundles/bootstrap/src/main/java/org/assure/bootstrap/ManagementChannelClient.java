package org.assure.bootstrap;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import org.assure.core.model.Bytes;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends a CoAP request to the peer of an open management channel, over that channel's DTLS session — the device
 * acting as CoAP client towards its management server (presence and goodbye, draft §11.3; timestamp, §11.4).
 * Optional: the bootstrap client uses the channel manager's own {@code ChannelManager.send} unless an
 * implementation is registered as an OSGi service (e.g. for a transport the channel manager does not serve).
 */
@ConsumerType
public interface ManagementChannelClient {
    /**
     * Sends {@code request} as a confirmable CoAP request on channel {@code channelId}.
     *
     * @return completes with the response, or exceptionally if the channel is not open, the send failed or no
     *         response came within the client's exchange lifetime
     */
    CompletionStage<Response> send(long channelId, Request request);

    /** The CoAP methods used. */
    enum Method {
        GET,
        PUT
    }

    /**
     * A request.
     *
     * @param method        the method
     * @param path          the Uri-Path segments, e.g. {@code [v1, devices, <uuid>, info]}
     * @param contentFormat the Content-Format option, if any (60 for CBOR)
     * @param payload       the payload, possibly empty
     */
    record Request(Method method, List<String> path, OptionalInt contentFormat, Bytes payload) {
        /** CoAP Content-Format {@code application/cbor}. */
        public static final int CBOR = 60;

        public Request {
            Objects.requireNonNull(method, "method");
            path = List.copyOf(path);
            Objects.requireNonNull(contentFormat, "contentFormat");
            Objects.requireNonNull(payload, "payload");
        }

        public static Request get(String... path) {
            return new Request(Method.GET, List.of(path), OptionalInt.empty(), Bytes.EMPTY);
        }

        public static Request putCbor(byte[] payload, String... path) {
            return new Request(Method.PUT, List.of(path), OptionalInt.of(CBOR), Bytes.of(payload));
        }
    }

    /**
     * A response.
     *
     * @param code    the CoAP code byte ({@code class << 5 | detail})
     * @param payload the payload, possibly empty
     */
    record Response(int code, Bytes payload) {
        public Response {
            if (code < 0x40 || code > 0xBF) {
                throw new IllegalArgumentException("not a response code: " + code);
            }
            Objects.requireNonNull(payload, "payload");
        }

        /** The dotted form, e.g. {@code 2.04}. */
        public String codeText() {
            int detail = code & 0x1F;
            return (code >> 5) + "." + (detail < 10 ? "0" : "") + detail;
        }

        public boolean isSuccess() {
            return code >> 5 == 2;
        }
    }
}
