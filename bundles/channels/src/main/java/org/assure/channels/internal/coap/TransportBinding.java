package org.assure.channels.internal.coap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.assure.core.model.IpAddress;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.ChannelTransport;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;

/**
 * One transport's endpoints: a DTLS connector per channel kind (management, data), each carrying a CoAP endpoint
 * of one CoAP server that serves the Device Management API. Privileges decide what a data channel may do (only
 * ping and info).
 */
public final class TransportBinding {
    static {
        CoapConfig.register();
    }

    private final ChannelTransport transport;
    private final Map<ChannelKind, DtlsCoapConnector> connectors;
    private final Map<ChannelKind, CoapEndpoint> endpoints;
    private final CoapServer server;

    private TransportBinding(ChannelTransport transport, Map<ChannelKind, DtlsCoapConnector> connectors,
            Map<ChannelKind, CoapEndpoint> endpoints, CoapServer server) {
        this.transport = transport;
        this.connectors = connectors;
        this.endpoints = endpoints;
        this.server = server;
    }

    static TransportBinding start(ChannelTransport transport, DtlsChannels channels, DtlsConfig dtlsConfig,
            ManagementResource resource) throws IOException {
        Objects.requireNonNull(transport, "transport");
        // no Californium3.properties file next to the gateway: the defaults are what we want
        Configuration configuration = Configuration.createStandardWithoutFile();
        CoapServer server = new CoapServer(configuration);
        Map<ChannelKind, DtlsCoapConnector> connectors = new EnumMap<>(ChannelKind.class);
        Map<ChannelKind, CoapEndpoint> endpoints = new EnumMap<>(ChannelKind.class);
        for (ChannelKind kind : ChannelKind.values()) {
            DtlsCoapConnector connector = DtlsCoapConnector.builder(transport, kind)
                    .config(dtlsConfig)
                    .serverCredentials(channels.credentials().server(
                            (peer, peerName) -> channels.channelKeysFor(kind, peer)))
                    .clientCredentials(peer -> peer instanceof IpAddress ip
                            ? channels.clientCredentialsFor(kind, ip) : java.util.Optional.empty())
                    .channelTags(session -> channels.tagOf(kind, session))
                    .listener(channels.listener(kind))
                    .build();
            connectors.put(kind, connector);
            CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(configuration).setConnector(connector)
                    .build();
            endpoints.put(kind, endpoint);
            server.addEndpoint(endpoint);
        }
        server.add(resource);
        try {
            server.start();
        } catch (IllegalStateException e) {
            server.destroy();
            throw new IOException("cannot start the endpoints of " + transport.name(), e);
        }
        return new TransportBinding(transport, connectors, endpoints, server);
    }

    public ChannelTransport transport() {
        return transport;
    }

    /** The running connector of {@code kind}. */
    public DtlsCoapConnector connector(ChannelKind kind) {
        return connectors.get(kind);
    }

    /**
     * The CoAP endpoint of {@code kind}: requests sent through it travel over this gateway's channels (for the
     * services that talk to peers, e.g. presence and the OIC bridge).
     */
    public CoapEndpoint endpoint(ChannelKind kind) {
        return endpoints.get(kind);
    }

    /** The local UDP port of {@code kind}'s endpoint. */
    public int localPort(ChannelKind kind) {
        InetSocketAddress address = connectors.get(kind).getAddress();
        return address.getPort();
    }

    String describe() {
        return "management port " + localPort(ChannelKind.MANAGEMENT) + ", data port " + localPort(ChannelKind.DATA);
    }

    void stop() {
        server.destroy();
    }
}
