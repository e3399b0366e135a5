package org.assure.bootstrap.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.assure.bootstrap.internal.coap.CoapSetup;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.AssurePeerPrincipal;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;

/**
 * A bootstrap server for tests, built from core and dtls (draft §9.4): Californium on a {@link DtlsCoapConnector}
 * over loopback UDP, raw key class 3 for EC/RSA devices and the PSK hint chain for shared-secret devices, serving
 * {@code GET /v1/devices/<uuid>/bootstrap} only to the device the DTLS session authenticated ({@code 4.03} else).
 */
final class TestBootstrapServer implements AutoCloseable {
    final UUID serverName = UUID.randomUUID();
    final UUID keyId = UUID.randomUUID();
    final KeyPair keys;
    final InMemoryCredentials credentials = new InMemoryCredentials(serverName);
    final Map<UUID, byte[]> images = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    private final CoapServer server;
    private final DtlsCoapConnector connector;

    /**
     * @param keys the server's raw key pair: EC for EC and shared-secret devices, RSA for RSA devices (the DTLS
     *             suites of PROFILE §6 put the server's and the device's raw keys in one family)
     */
    TestBootstrapServer(KeyPair keys) throws Exception {
        this.keys = keys;
        credentials.ownKey(new OwnKey(keyId, keys.getPublic(), keys.getPrivate()));
        Configuration config = CoapSetup.configuration();
        connector = DtlsCoapConnector.builder(UdpTransport.ephemeral(InetAddress.getLoopbackAddress()),
                ChannelKind.DATA).config(fastDtls()).serverCredentials(credentials).random(Device.RANDOM).build();
        server = new CoapServer(config);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build());
        CoapResource v1 = new CoapResource("v1");
        v1.add(new Devices());
        server.add(v1);
        server.start();
    }

    static DtlsConfig fastDtls() {
        return DtlsConfig.builder().handshakeTimeout(java.time.Duration.ofSeconds(10))
                .retransmissionInitial(java.time.Duration.ofSeconds(1)).build();
    }

    Device device(Device.Kind kind) throws Exception {
        Device device = Device.create(kind, keyId, keys);
        device.registerWith(credentials);
        return device;
    }

    InetSocketAddress address() {
        return connector.getAddress();
    }

    @Override
    public void close() {
        server.destroy();
    }

    /** {@code /v1/devices/<uuid>/bootstrap}: children resolved by name, since the UUID is part of the path. */
    private final class Devices extends CoapResource {
        Devices() {
            super("devices");
        }

        @Override
        public Resource getChild(String name) {
            CoapResource device = new CoapResource(name);
            device.add(new BootstrapResource(name));
            device.setParent(this);
            return device;
        }
    }

    private final class BootstrapResource extends CoapResource {
        private final String deviceName;

        BootstrapResource(String deviceName) {
            super("bootstrap");
            this.deviceName = deviceName;
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            requests.incrementAndGet();
            Optional<UUID> peer = AssurePeerPrincipal.of(exchange.advanced().getRequest().getSourceContext())
                    .flatMap(AssurePeerPrincipal::peerId);
            byte[] image = peer.filter(p -> p.toString().equals(deviceName)).map(images::get).orElse(null);
            if (image == null) {
                exchange.respond(ResponseCode.FORBIDDEN);
                return;
            }
            exchange.respond(ResponseCode.CONTENT, image, MediaTypeRegistry.APPLICATION_OCTET_STREAM);
        }
    }
}
