package org.assure.authority.internal.coap;

import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.mgmt.Registrar;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.cbor.GoodbyeReasonCodec;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.DeviceInfo;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * The Presence API (draft §11.3) and the timestamp (§11.4) of the management server: {@code PUT
 * /v1/devices/<uuid>/info} (2.04, 4.01 for another device, 4.00 malformed), {@code PUT /v1/devices/<uuid>/goodbye}
 * and {@code GET /v1/timestamp}.
 */
public final class PresenceResources {
    private static final int MAX_PAYLOAD = 8 * 1024;

    private PresenceResources() {
    }

    public static CoapResource root(Registrar registrar) {
        CoapResource v1 = new CoapResource("v1");
        v1.add(new CoapResource("devices") {
            @Override
            public Resource getChild(String name) {
                return new CoapResource(name) {
                    @Override
                    public Resource getChild(String sub) {
                        return switch (sub) {
                            case "info", "goodbye" -> new Report(registrar, name, sub);
                            default -> null;
                        };
                    }
                };
            }
        });
        v1.add(new TimestampResource());
        return v1;
    }

    private static final class Report extends CoapResource {
        private final Registrar registrar;
        private final String device;

        Report(Registrar registrar, String device, String name) {
            super(name);
            this.registrar = registrar;
            this.device = device;
        }

        @Override
        public void handlePUT(CoapExchange exchange) {
            Optional<UUID> peer = CoapServers.peer(exchange);
            UUID target;
            try {
                target = UUID.fromString(device);
            } catch (IllegalArgumentException e) {
                exchange.respond(ResponseCode.BAD_REQUEST, "malformed device id");
                return;
            }
            if (peer.isEmpty()) {
                exchange.respond(ResponseCode.UNAUTHORIZED, "unauthenticated");
                return;
            }
            if (exchange.getRequestOptions().hasContentFormat()
                    && exchange.getRequestOptions().getContentFormat() != MediaTypeRegistry.APPLICATION_CBOR) {
                exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "CBOR expected");
                return;
            }
            byte[] payload = exchange.getRequestPayload();
            if (payload.length > MAX_PAYLOAD) {
                exchange.respond(ResponseCode.REQUEST_ENTITY_TOO_LARGE, "too large");
                return;
            }
            try {
                if (getName().equals("info")) {
                    DeviceInfo info = DeviceInfoCodec.decode(payload);
                    registrar.presence(peer.get(), target, info, Optional.of(org.assure.core.model.IpAddress.of(
                            exchange.getSourceAddress(), 0, exchange.getSourcePort())));
                } else {
                    GoodbyeReasonCodec.decode(payload);
                    registrar.goodbye(peer.get(), target);
                }
                exchange.respond(ResponseCode.CHANGED);
            } catch (CborDecodeException e) {
                exchange.respond(ResponseCode.BAD_REQUEST, "malformed");
            } catch (AuthorityException e) {
                exchange.respond(e.kind() == ErrorKind.UNAUTHENTICATED ? ResponseCode.UNAUTHORIZED
                        : ResponseCode.SERVICE_UNAVAILABLE, e.kind() == ErrorKind.UNAUTHENTICATED
                                ? "information for a different device" : "unavailable");
            }
        }
    }
}
