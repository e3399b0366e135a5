package org.assure.dtls.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.CredentialType;
import org.assure.dtls.DtlsHandshakeException;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.Events;
import org.assure.dtls.FailureCause;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.Peers;
import org.assure.dtls.UdpTransport;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.DtlsEndpointContext;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.MessageCallback;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.StrictDtlsEndpointContextMatcher;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.exception.EndpointMismatchException;
import org.eclipse.californium.elements.exception.EndpointUnconnectedException;
import org.eclipse.californium.elements.util.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Californium CoAP server and client over two engines on loopback UDP, through {@link DtlsCoapConnector}. */
class DtlsCoapConnectorTest {
    private static final long WAIT_MS = 20_000;
    private static Configuration coapConfig;

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final UUID pskId = UUID.randomUUID();
    private final SecretBytes psk = Peers.secret();
    private final Events serverEvents = new Events();
    private final Events clientEvents = new Events();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final BlockingQueue<Optional<AssurePeerPrincipal>> seenByResource = new LinkedBlockingQueue<>();

    @BeforeAll
    static void configure() {
        CoapConfig.register();
        coapConfig = Configuration.createStandardWithoutFile();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    // ---- fixtures -----------------------------------------------------------------------------------------

    private InMemoryCredentials pskServerCredentials() {
        return new InMemoryCredentials(serverName).putSecret(pskId, psk)
                .putPeer(InMemoryCredentials.Peer.withPsk(clientName, new PskHint.KeyIdHint(pskId)));
    }

    private InMemoryCredentials pskClientCredentials() {
        return new InMemoryCredentials(clientName).putSecret(pskId, psk)
                .putPeer(new InMemoryCredentials.Peer(serverName, Optional.empty(), Map.of()));
    }

    /** A CoAP server whose {@code whoami} resource answers with the peer principal it sees. */
    private DtlsCoapConnector server(InMemoryCredentials credentials) throws Exception {
        DtlsCoapConnector connector = DtlsCoapConnector.builder(UdpTransport.ephemeral(loopback),
                ChannelKind.MANAGEMENT).config(Peers.fast()).serverCredentials(credentials).random(Peers.RANDOM)
                .channelTags(session -> Optional.of("management-" + session.peerId().orElseThrow()))
                .listener(serverEvents).build();
        CoapServer server = new CoapServer(coapConfig);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(coapConfig).setConnector(connector).build());
        server.add(new CoapResource("whoami") {
            @Override
            public void handleGET(CoapExchange exchange) {
                Optional<AssurePeerPrincipal> principal = AssurePeerPrincipal.of(
                        exchange.advanced().getRequest().getSourceContext());
                seenByResource.add(principal);
                exchange.respond(CoAP.ResponseCode.CONTENT,
                        principal.map(AssurePeerPrincipal::getName).orElse("anonymous"));
            }
        });
        server.start();
        resources.add(server::destroy);
        return connector;
    }

    private CoapEndpoint client(InMemoryCredentials credentials) throws Exception {
        DtlsCoapConnector connector = clientConnector(credentials);
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(coapConfig).setConnector(connector)
                .build();
        endpoint.start();
        resources.add(endpoint::destroy);
        return endpoint;
    }

    private DtlsCoapConnector clientConnector(InMemoryCredentials credentials) {
        return DtlsCoapConnector.builder(UdpTransport.ephemeral(loopback), ChannelKind.MANAGEMENT)
                .config(Peers.fast()).random(Peers.RANDOM).listener(clientEvents)
                .clientCredentials(server -> Optional.of(credentials.clientFor(serverName))).build();
    }

    private static Response get(CoapEndpoint client, DtlsCoapConnector server, String path) throws Exception {
        Request request = Request.newGet();
        request.setURI("coaps://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/" + path);
        request.send(client);
        return request.waitForResponse(WAIT_MS);
    }

    // ---- tests --------------------------------------------------------------------------------------------

    @Test
    void givenPsk_whenCoapClientGets_thenHandshakeStartsOnFirstRequestAndResourceSeesThePeer() throws Exception {
        DtlsCoapConnector server = server(pskServerCredentials());
        CoapEndpoint client = client(pskClientCredentials());
        assertThat(server.engine().sessions()).isEmpty();

        Response first = get(client, server, "whoami");
        Response second = get(client, server, "whoami");

        assertThat(first).isNotNull();
        assertThat(first.getCode()).isEqualTo(CoAP.ResponseCode.CONTENT);
        assertThat(first.getPayloadString()).isEqualTo(clientName.toString());
        assertThat(second.getPayloadString()).isEqualTo(clientName.toString());
        AssurePeerPrincipal principal = seenByResource.poll(1, TimeUnit.SECONDS).orElseThrow();
        assertThat(principal).isEqualTo(new AssurePeerPrincipal(Optional.of(clientName), pskId, CredentialType.PSK,
                Optional.of("management-" + clientName)));
        // One handshake for both requests; the response's context names the server.
        assertThat(Events.next(clientEvents.established).peerName()).contains(serverName);
        assertThat(clientEvents.established).isEmpty();
        assertThat(server.engine().sessions()).hasSize(1);
        EndpointContext responseContext = second.getSourceContext();
        assertThat(responseContext).isInstanceOf(DtlsEndpointContext.class);
        assertThat(((DtlsEndpointContext) responseContext).getCipher()).isEqualTo("TLS_PSK_WITH_AES_128_CCM_8");
        assertThat(AssurePeerPrincipal.of(responseContext).flatMap(AssurePeerPrincipal::peerId)).contains(serverName);
    }

    @Test
    void givenRawKeys_whenCoapClientGets_thenResourceSeesThePeerKey() throws Exception {
        OwnKey serverKey = Peers.ownKey(GenerateKeyType.EC_P256);
        OwnKey clientKey = Peers.ownKey(GenerateKeyType.EC_P256);
        DtlsCoapConnector server = server(new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, clientKey.keyId(), Peers.spki(clientKey))));
        CoapEndpoint client = client(new InMemoryCredentials(clientName).ownKey(clientKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(serverName, serverKey.keyId(), Peers.spki(serverKey))));

        Response response = get(client, server, "whoami");

        assertThat(response).isNotNull();
        assertThat(response.getPayloadString()).isEqualTo(clientName.toString());
        AssurePeerPrincipal principal = seenByResource.poll(1, TimeUnit.SECONDS).orElseThrow();
        assertThat(principal.keyId()).isEqualTo(clientKey.keyId());
        assertThat(principal.credentialType()).isEqualTo(CredentialType.RAW_PUBLIC_KEY);
        assertThat(((DtlsEndpointContext) response.getSourceContext()).getCipher())
                .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8");
    }

    @Test
    void givenManyRequestsAtOnce_whenNoSessionYet_thenOneHandshakeCarriesThemAll() throws Exception {
        DtlsCoapConnector server = server(pskServerCredentials());
        CoapEndpoint client = client(pskClientCredentials());
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Request request = Request.newGet();
            request.setURI("coaps://" + server.getAddress().getAddress().getHostAddress() + ":"
                    + server.getAddress().getPort() + "/whoami");
            requests.add(request.send(client));
        }
        for (Request request : requests) {
            Response response = request.waitForResponse(WAIT_MS);
            assertThat(response).as("response").isNotNull();
            assertThat(response.getPayloadString()).isEqualTo(clientName.toString());
        }
        Events.next(serverEvents.established);
        assertThat(serverEvents.established).isEmpty();
        assertThat(serverEvents.failures).isEmpty();
    }

    @Test
    void givenServerRefusesTheClient_whenCoapClientGets_thenTheHandshakeFailureReachesTheRequest()
            throws Exception {
        DtlsCoapConnector server = server(new InMemoryCredentials(serverName).putSecret(pskId, psk));
        CoapEndpoint client = client(pskClientCredentials());
        Request request = Request.newGet();
        request.setURI("coaps://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/whoami");

        request.send(client);
        Response response = request.waitForResponse(WAIT_MS);

        assertThat(response).isNull();
        assertThat(request.getSendError()).isInstanceOf(DtlsHandshakeException.class);
        assertThat(((DtlsHandshakeException) request.getSendError()).failure().cause())
                .isEqualTo(FailureCause.REFUSED_BY_PEER);
        assertThat(seenByResource).isEmpty();
    }

    @Test
    void givenRawMessages_whenSentThroughTheConnector_thenCallbacksFollowTheSessionState() throws Exception {
        DtlsCoapConnector server = server(pskServerCredentials());
        DtlsCoapConnector connector = clientConnector(pskClientCredentials());
        connector.setEndpointContextMatcher(new StrictDtlsEndpointContextMatcher());
        connector.setRawDataReceiver(raw -> {
        });
        connector.start();
        resources.add(connector::destroy);
        byte[] ping = {0x40, 0, 0x12, 0x34}; // CoAP CON empty message: the server answers with RST
        InetSocketAddress target = server.getAddress();

        Callback first = new Callback();
        connector.send(RawData.outbound(ping, new AddressEndpointContext(target), first, false));
        assertThat(first.sent.get(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(first.connecting).isTrue();
        EndpointContext established = first.context.getNow(null);
        assertThat(established).isInstanceOf(DtlsEndpointContext.class);
        assertThat(established.getPeerIdentity()).isInstanceOf(AssurePeerPrincipal.class);

        // Bound to the same session: sent without connecting again.
        Callback bound = new Callback();
        connector.send(RawData.outbound(ping, established, bound, false));
        assertThat(bound.sent.get(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(bound.connecting).isFalse();

        // Bound to another session: refused by the strict matcher.
        Callback other = new Callback();
        connector.send(RawData.outbound(ping, new DtlsEndpointContext(target, null, established.getPeerIdentity(),
                new Bytes(new byte[32]), 1, "TLS_PSK_WITH_AES_128_CCM_8", 0L), other, false));
        assertThat(other.error.get(WAIT_MS, TimeUnit.MILLISECONDS)).isInstanceOf(EndpointMismatchException.class);

        // The session closes: a message bound to it is not sent over a new one.
        DtlsSession session = connector.engine().sessions().get(0);
        session.close();
        Callback stale = new Callback();
        connector.send(RawData.outbound(ping, established, stale, false));
        assertThat(stale.error.get(WAIT_MS, TimeUnit.MILLISECONDS)).isInstanceOf(EndpointMismatchException.class);
        assertThat(stale.connecting).isFalse();
    }

    @Test
    void givenNoClientCredentials_whenSendingToAPeerWithoutSession_thenMessageFailsUnconnected() throws Exception {
        DtlsCoapConnector server = server(pskServerCredentials());
        Callback callback = new Callback();

        server.send(RawData.outbound(new byte[] {0x40, 0, 0, 1}, new AddressEndpointContext(
                new InetSocketAddress(loopback, 9)), callback, false));

        assertThat(callback.error.get(WAIT_MS, TimeUnit.MILLISECONDS))
                .isInstanceOf(EndpointUnconnectedException.class);
        assertThat(callback.connecting).isFalse();
        assertThat(server.engine().stats().handshakes()).isZero();
    }

    @Test
    void givenStoppedConnector_whenStartedAgain_thenItServesAgainAndRejectsSendsWhileStopped() throws Exception {
        DtlsCoapConnector server = server(pskServerCredentials());
        CoapEndpoint client = client(pskClientCredentials());
        assertThat(get(client, server, "whoami").getPayloadString()).isEqualTo(clientName.toString());

        server.stop();
        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(server::engine).isInstanceOf(IllegalStateException.class);
        Callback callback = new Callback();
        server.send(RawData.outbound(new byte[] {0x40, 0, 0, 1}, new AddressEndpointContext(
                new InetSocketAddress(loopback, 9)), callback, false));
        assertThat(callback.error.get(WAIT_MS, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateException.class);

        server.start();
        assertThat(server.isRunning()).isTrue();
        assertThat(server.getAddress().getPort()).isPositive();
    }

    @Test
    void cipherNamesAreIanaNames() {
        assertThat(DtlsCoapConnector.cipherName(0xC0A8)).isEqualTo("TLS_PSK_WITH_AES_128_CCM_8");
        assertThat(DtlsCoapConnector.cipherName(0xC0AE)).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8");
        assertThat(DtlsCoapConnector.cipherName(0xC02F)).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(DtlsCoapConnector.cipherName(0x1301)).isEqualTo("0x1301");
    }

    @Test
    void principalNamesThePeerOrItsKey() {
        UUID key = UUID.randomUUID();
        assertThat(new AssurePeerPrincipal(Optional.of(clientName), key, CredentialType.PSK, Optional.empty())
                .getName()).isEqualTo(clientName.toString());
        assertThat(new AssurePeerPrincipal(Optional.empty(), key, CredentialType.PSK, Optional.empty()).getName())
                .isEqualTo("key:" + key);
        assertThat(AssurePeerPrincipal.of(new AddressEndpointContext(new InetSocketAddress(loopback, 1)))).isEmpty();
        assertThatThrownBy(() -> new AssurePeerPrincipal(Optional.empty(), null, CredentialType.PSK, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
    }

    /** Records a message's callbacks. */
    private static final class Callback implements MessageCallback {
        final CompletableFuture<Boolean> sent = new CompletableFuture<>();
        final CompletableFuture<Throwable> error = new CompletableFuture<>();
        final CompletableFuture<EndpointContext> context = new CompletableFuture<>();
        volatile boolean connecting;

        @Override
        public void onConnecting() {
            connecting = true;
        }

        @Override
        public void onDtlsRetransmission(int flight) {
        }

        @Override
        public void onContextEstablished(EndpointContext value) {
            context.complete(value);
        }

        @Override
        public void onSent() {
            sent.complete(true);
        }

        @Override
        public void onError(Throwable value) {
            error.complete(value);
            sent.completeExceptionally(value);
        }
    }
}
