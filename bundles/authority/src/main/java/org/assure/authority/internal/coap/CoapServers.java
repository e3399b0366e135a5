package org.assure.authority.internal.coap;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.DtlsServerCredentials;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.AssurePeerPrincipal;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;

/** CoAP over the aSSURE DTLS engine (org.assure.dtls.coap) for the authority's CoAP/DTLS APIs. */
public final class CoapServers {
    private CoapServers() {
    }

    /** The Californium configuration the authority's CoAP servers share (block-wise for images up to 1.1 MiB). */
    public static Configuration configuration() {
        CoapConfig.register();
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 1024 * 1024 + 64 * 1024);
        config.set(CoapConfig.PREFERRED_BLOCK_SIZE, 512);
        config.set(CoapConfig.MAX_MESSAGE_SIZE, 512);
        return config;
    }

    /**
     * Receive threads of each of the authority's DTLS endpoints: one per core, at most 4. Many devices handshake with
     * an authority at once (a bootstrap storm); with a {@code SO_REUSEPORT} group their EC work spreads over the
     * cores with no hand-off, while each device stays on one thread (org.assure.dtls {@link UdpTransport}).
     */
    static final int RECEIVE_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** A started CoAP server on one DTLS management endpoint at {@code bind}. */
    public static CoapServer start(InetSocketAddress bind, DtlsServerCredentials credentials, CoapResource... roots) {
        Configuration config = configuration();
        DtlsCoapConnector connector = DtlsCoapConnector.builder(new UdpTransport(bind.getAddress(), bind.getPort(), 0,
                UdpTransport.DEFAULT_MTU, UdpTransport.DEFAULT_SOCKET_BUFFER, RECEIVE_THREADS), ChannelKind.MANAGEMENT)
                .serverCredentials(credentials).build();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build());
        for (CoapResource root : roots) {
            server.add(root);
        }
        server.start();
        return server;
    }

    /** The authenticated peer's UUID (Peer Name Indication, or the device that owns the key it used). */
    public static Optional<UUID> peer(CoapExchange exchange) {
        return AssurePeerPrincipal.of(exchange.advanced().getRequest().getSourceContext())
                .flatMap(AssurePeerPrincipal::peerId);
    }

    /** The port a started server's endpoint listens on. */
    public static int port(CoapServer server) {
        return server.getEndpoints().get(0).getAddress().getPort();
    }
}
