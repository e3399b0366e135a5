package org.assure.authority.internal.coap;

import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.ta.TrustedAuthority;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bootstrap API (draft §9.4.1): {@code GET /v1/devices/<uuid>/bootstrap} answers the image the device's owner
 * uploaded — only to that device, as authenticated by the DTLS handshake — and 4.03 for anything else (another
 * device's image, an unknown device, no image yet).
 */
public final class BootstrapResources {
    private static final Logger DROPS = LoggerFactory.getLogger("org.assure.authority.drops");

    private BootstrapResources() {
    }

    /** The {@code v1} resource tree of the bootstrap server. */
    public static CoapResource root(TrustedAuthority ta) {
        CoapResource v1 = new CoapResource("v1");
        v1.add(new Devices(ta));
        v1.add(new TimestampResource());
        return v1;
    }

    private static final class Devices extends CoapResource {
        private final TrustedAuthority ta;

        Devices(TrustedAuthority ta) {
            super("devices");
            this.ta = ta;
        }

        @Override
        public Resource getChild(String name) {
            return new CoapResource(name) {
                @Override
                public Resource getChild(String sub) {
                    return "bootstrap".equals(sub) ? new Bootstrap(ta, name) : null;
                }
            };
        }
    }

    private static final class Bootstrap extends CoapResource {
        private final TrustedAuthority ta;
        private final String device;

        Bootstrap(TrustedAuthority ta, String device) {
            super("bootstrap");
            this.ta = ta;
            this.device = device;
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            Optional<UUID> peer = CoapServers.peer(exchange);
            UUID requested;
            try {
                requested = UUID.fromString(device);
            } catch (IllegalArgumentException e) {
                exchange.respond(ResponseCode.FORBIDDEN, "not allowed");
                return;
            }
            if (peer.isEmpty() || !peer.get().equals(requested)) {
                DROPS.debug("bootstrap image of {} requested by {}", requested, peer);
                exchange.respond(ResponseCode.FORBIDDEN, "not allowed");
                return;
            }
            try {
                Optional<byte[]> image = ta.bootstrapImage(requested);
                if (image.isEmpty()) {
                    exchange.respond(ResponseCode.FORBIDDEN, "not allowed");
                    return;
                }
                exchange.respond(ResponseCode.CONTENT, image.get(), MediaTypeRegistry.APPLICATION_CBOR);
            } catch (AuthorityException e) {
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "unavailable");
            }
        }
    }
}
