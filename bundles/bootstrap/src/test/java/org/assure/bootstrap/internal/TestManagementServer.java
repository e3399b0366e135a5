package org.assure.bootstrap.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assure.bootstrap.internal.coap.CoapSetup;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.cbor.GoodbyeReasonCodec;
import org.assure.core.cbor.TimestampCodec;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.InMemoryCredentials;
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
 * A management server for tests (draft §11.3, §11.4): Californium on a {@link DtlsCoapConnector} over loopback
 * with a PSK per device, answering presence and goodbye for the device the session authenticated ({@code 4.01}
 * for another device, {@code 4.00} for a malformed body) and the timestamp from its own clock.
 */
final class TestManagementServer implements AutoCloseable {
    /** What the server received, in order. */
    record Received(UUID device, String what, Optional<DeviceInfo> info, Optional<GoodbyeReason> reason) {
    }

    final UUID serverName = UUID.randomUUID();
    final InMemoryCredentials credentials = new InMemoryCredentials(serverName);
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final CoapServer server;
    private final DtlsCoapConnector connector;

    TestManagementServer(Clock clock) throws Exception {
        this.clock = clock;
        Configuration config = CoapSetup.configuration();
        connector = DtlsCoapConnector.builder(UdpTransport.ephemeral(InetAddress.getLoopbackAddress()),
                ChannelKind.MANAGEMENT).config(TestBootstrapServer.fastDtls()).serverCredentials(credentials)
                .random(Device.RANDOM).build();
        server = new CoapServer(config);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build());
        CoapResource v1 = new CoapResource("v1");
        v1.add(new Devices());
        v1.add(new CoapResource("timestamp") {
            @Override
            public void handleGET(CoapExchange exchange) {
                exchange.respond(ResponseCode.CONTENT,
                        TimestampCodec.encodePrecision(PrecisionTimestamp.of(TestManagementServer.this.clock.instant())),
                        MediaTypeRegistry.APPLICATION_CBOR);
            }
        });
        server.add(v1);
        server.start();
    }

    /** Lets {@code device} in with the PSK {@code keyId}/{@code secret}. */
    void admit(UUID device, UUID keyId, SecretBytes secret) {
        credentials.putSecret(keyId, secret).putPeer(InMemoryCredentials.Peer.withPsk(device,
                new PskHint.KeyIdHint(keyId)));
    }

    InetSocketAddress address() {
        return connector.getAddress();
    }

    @Override
    public void close() {
        server.destroy();
    }

    private final class Devices extends CoapResource {
        Devices() {
            super("devices");
        }

        @Override
        public Resource getChild(String name) {
            CoapResource device = new CoapResource(name);
            device.add(new DeviceResource(name, "info"));
            device.add(new DeviceResource(name, "goodbye"));
            device.setParent(this);
            return device;
        }
    }

    private final class DeviceResource extends CoapResource {
        private final String deviceName;

        DeviceResource(String deviceName, String what) {
            super(what);
            this.deviceName = deviceName;
        }

        @Override
        public void handlePUT(CoapExchange exchange) {
            Optional<UUID> peer = AssurePeerPrincipal.of(exchange.advanced().getRequest().getSourceContext())
                    .flatMap(AssurePeerPrincipal::peerId);
            if (peer.isEmpty() || !peer.get().toString().equals(deviceName)) {
                exchange.respond(ResponseCode.UNAUTHORIZED);
                return;
            }
            try {
                if (getName().equals("info")) {
                    DeviceInfo info = DeviceInfoCodec.decode(exchange.getRequestPayload());
                    if (!info.deviceId().equals(peer.get())) {
                        exchange.respond(ResponseCode.UNAUTHORIZED);
                        return;
                    }
                    received.add(new Received(peer.get(), "info", Optional.of(info), Optional.empty()));
                } else {
                    received.add(new Received(peer.get(), "goodbye", Optional.empty(),
                            Optional.of(GoodbyeReasonCodec.decode(exchange.getRequestPayload()))));
                }
            } catch (CborDecodeException e) {
                exchange.respond(ResponseCode.BAD_REQUEST);
                return;
            }
            exchange.respond(ResponseCode.CHANGED);
        }
    }
}
