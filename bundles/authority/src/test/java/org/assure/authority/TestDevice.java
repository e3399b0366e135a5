package org.assure.authority;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.assure.authority.internal.coap.CoapServers;
import org.assure.core.bootstrap.BootstrapImageOpener;
import org.assure.core.bootstrap.DeviceState;
import org.assure.core.bootstrap.OpenedImage;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PeerKey;
import org.assure.dtls.PskKey;
import org.assure.dtls.PskOffer;
import org.assure.dtls.RawKeyCredentials;
import org.assure.dtls.ServerCredentials;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.AssurePeerPrincipal;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.elements.config.Configuration;

/**
 * A device built from core and dtls only, as small as a test needs: it bootstraps from the Trusted Authority over
 * real DTLS (raw public key for EC devices, PSK through the derivation chain for shared-secret devices), opens the
 * image with core, keeps the resulting trusted keys (anchors plus the image's keys), reports its presence over
 * the management channel the image defined, and accepts management connections only from keys it trusts.
 */
final class TestDevice implements AutoCloseable {
    static final DtlsConfig FAST = DtlsConfig.builder().handshakeTimeout(Duration.ofSeconds(30))
            .retransmissionInitial(Duration.ofMillis(500)).build();
    final UUID id;
    final List<TrustedKey> anchors;
    final Optional<KeyPair> pair;
    List<TrustedKey> trusted;
    long ownerSequence;
    Optional<ChannelConfiguration> managementChannel = Optional.empty();
    private final List<AutoCloseable> open = new ArrayList<>();

    TestDevice(UUID id, List<TrustedKey> anchors, Optional<KeyPair> pair) {
        this.id = id;
        this.anchors = List.copyOf(anchors);
        this.pair = pair;
        this.trusted = List.copyOf(anchors);
    }

    private CoapEndpoint endpoint(ClientCredentials credentials) throws Exception {
        Configuration config = CoapServers.configuration();
        DtlsCoapConnector connector = DtlsCoapConnector.builder(UdpTransport.ephemeral(InetAddress.getLoopbackAddress()),
                ChannelKind.MANAGEMENT).config(FAST).clientCredentials(server -> Optional.of(credentials)).build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
        endpoint.start();
        open.add(endpoint::destroy);
        return endpoint;
    }

    /**
     * Sends a request over a fresh DTLS session; if the session ends before the answer (a lost race of handshake
     * retransmissions on a loaded machine), repeats it once over a new handshake, as the bootstrap client does
     * (PROFILE-ADDITIONS 34) — the requests here are safe to repeat.
     */
    private Response exchange(ClientCredentials credentials, java.util.function.Supplier<Request> request,
            InetSocketAddress server, String path) throws Exception {
        for (int attempt = 0; ; attempt++) {
            Request r = request.get();
            r.setURI("coaps://" + server.getAddress().getHostAddress() + ":" + server.getPort() + "/" + path);
            r.send(endpoint(credentials));
            Response response = r.waitForResponse(30_000);
            if (response != null) {
                return response;
            }
            if (attempt == 0 && r.getSendError() instanceof org.eclipse.californium.elements.exception.EndpointMismatchException) {
                continue;
            }
            throw new IllegalStateException("no response from " + path
                    + (r.getSendError() != null ? ": " + r.getSendError() : ""));
        }
    }

    /** Fetches {@code /v1/devices/<asDevice>/bootstrap}; answers the response. */
    Response fetchImage(InetSocketAddress server, UUID asDevice, AtomicReference<PublicKey> serverKey) throws Exception {
        return exchange(bootstrapCredentials(serverKey), Request::newGet, server, "v1/devices/" + asDevice + "/bootstrap");
    }

    /** Bootstraps: fetch, open with core (atomic: nothing changes unless it opens), adopt keys and channel. */
    OpenedImage bootstrap(InetSocketAddress server) throws Exception {
        AtomicReference<PublicKey> serverKey = new AtomicReference<>();
        Response response = fetchImage(server, id, serverKey);
        if (response.getCode() != CoAP.ResponseCode.CONTENT) {
            throw new IllegalStateException("bootstrap answered " + response.getCode());
        }
        DeviceState state = new DeviceState(id, TrustedKeys.of(trusted), ownerSequence, Optional.empty(),
                Optional.ofNullable(serverKey.get()));
        OpenedImage opened = BootstrapImageOpener.open(response.getPayload(), state);
        // A (re)bootstrap defines the device afresh: anchors plus what the image brings.
        List<TrustedKey> next = new ArrayList<>(anchors);
        next.addAll(opened.keys());
        trusted = next;
        ownerSequence = opened.ownerSequence();
        for (Bytes message : opened.payload().coapMessages()) {
            Request r = (Request) new UdpDataParser().parseMessage(message.toByteArray());
            if (r.getOptions().getUriPathString().equals("v1/channels")) {
                managementChannel = Optional.of(ChannelConfigurationCodec.decode(r.getPayload()));
            }
        }
        return opened;
    }

    private ClientCredentials bootstrapCredentials(AtomicReference<PublicKey> serverKey) {
        if (pair.isPresent() && pair.get().getPublic().getAlgorithm().equals("EC")) {
            // Draft §15.4: the bootstrap server's raw key is accepted provisionally and checked against the image.
            RawKeyCredentials raw = new RawKeyCredentials(new OwnKey(id, pair.get().getPublic(), pair.get().getPrivate()),
                    spki -> {
                        try {
                            serverKey.set(Keys.publicKey(org.assure.core.model.KeyFormat.EC, spki));
                            return Optional.of(new PeerKey(UUID.nameUUIDFromBytes(spki.toByteArray()), Optional.empty()));
                        } catch (Exception e) {
                            return Optional.empty();
                        }
                    });
            return new ClientCredentials(Optional.of(id), Optional.empty(), Optional.empty(), Optional.of(raw));
        }
        return new ClientCredentials(Optional.of(id), Optional.empty(), Optional.of(this::resolveChain), Optional.empty());
    }

    private Optional<PskKey> resolveChain(Optional<PskHint> hint) {
        if (hint.isEmpty() || !(hint.get() instanceof PskHint.KeyChainHint chain)) {
            return Optional.empty();
        }
        List<TrustedKey> known = new ArrayList<>(trusted);
        SecretBytes last = null;
        for (DerivedSecretKey key : chain.keys()) {
            try {
                Optional<SecretBytes> secret = DerivedSecrets.resolve(key, TrustedKeys.of(known));
                if (secret.isEmpty()) {
                    return Optional.empty();
                }
                known.add(TrustedKey.derivedAnchor(key, IdentityClass.BOOTSTRAP_SERVICE, secret.get()));
                last = secret.get();
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        return Optional.of(new PskKey(chain.keys().get(chain.keys().size() - 1).keyId(), Optional.empty(), last));
    }

    /** Reports presence ({@code PUT /v1/devices/<id>/info}) over the management channel the image defined. */
    Response presence(DeviceInfo info) throws Exception {
        return presenceRaw(DeviceInfoCodec.encode(info), MediaTypeRegistry.APPLICATION_CBOR);
    }

    /** A presence request with any payload and content format (for malformed-input tests). */
    Response presenceRaw(byte[] payload, int contentFormat) throws Exception {
        ChannelConfiguration channel = managementChannel.orElseThrow();
        IpAddress address = (IpAddress) channel.address();
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByAddress(address.remoteAddress().toByteArray()),
                address.remotePort());
        return exchange(managementCredentials(channel), () -> {
            Request put = Request.newPut();
            put.setPayload(payload);
            put.getOptions().setContentFormat(contentFormat);
            return put;
        }, server, "v1/devices/" + id + "/info");
    }

    /** {@code GET /v1/timestamp} over the management channel. */
    Response timestamp() throws Exception {
        ChannelConfiguration channel = managementChannel.orElseThrow();
        IpAddress address = (IpAddress) channel.address();
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByAddress(address.remoteAddress().toByteArray()),
                address.remotePort());
        return exchange(managementCredentials(channel), Request::newGet, server, "v1/timestamp");
    }

    private ClientCredentials managementCredentials(ChannelConfiguration channel) {
        TrustedKey local = find(channel.localKeyId()).orElseThrow();
        if (local.secret().isPresent()) {
            PskKey psk = new PskKey(local.keyId(), Optional.empty(), local.secret().get());
            return new ClientCredentials(Optional.of(id), Optional.empty(), Optional.of(h -> Optional.of(psk)),
                    Optional.empty());
        }
        UUID peerKeyId = channel.effectivePeerKeyId();
        RawKeyCredentials raw = new RawKeyCredentials(new OwnKey(id, pair.get().getPublic(), pair.get().getPrivate()),
                spki -> find(peerKeyId).flatMap(TrustedKey::publicKey)
                        .filter(k -> Keys.encodePublic(k).equals(spki)).map(k -> new PeerKey(peerKeyId, Optional.empty())));
        return new ClientCredentials(Optional.of(id), Optional.empty(), Optional.empty(), Optional.of(raw));
    }

    private Optional<TrustedKey> find(UUID keyId) {
        return trusted.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /**
     * A DTLS server on the device for management connections: it accepts only management-system keys it
     * currently trusts (raw public keys by SPKI, PSKs by key id).
     */
    org.assure.core.model.Address listen() throws Exception {
        UdpTransport transport = UdpTransport.ephemeral(InetAddress.getLoopbackAddress());
        DtlsEngine engine = DtlsEngine.builder(transport, ChannelKind.MANAGEMENT).config(FAST)
                .serverCredentials((peer, name) -> {
                    List<TrustedKey> current = trusted;
                    PskOffer psk = new PskOffer(Optional.empty(), keyId -> current.stream()
                            .filter(k -> k.keyId().equals(keyId) && k.identityClass() == IdentityClass.MANAGEMENT_SYSTEM)
                            .flatMap(k -> k.secret().stream()).findFirst()
                            .map(s -> new PskKey(keyId, Optional.empty(), s)));
                    Optional<RawKeyCredentials> raw = pair.map(p -> new RawKeyCredentials(
                            new OwnKey(id, p.getPublic(), p.getPrivate()), spki -> current.stream()
                                    .filter(k -> k.identityClass() == IdentityClass.MANAGEMENT_SYSTEM)
                                    .filter(k -> k.publicKey().map(Keys::encodePublic).filter(spki::equals).isPresent())
                                    .findFirst().map(k -> new PeerKey(k.keyId(), Optional.empty()))));
                    return Optional.of(new ServerCredentials(Optional.of(id), Optional.of(psk), raw));
                }).start();
        open.add(engine::close);
        return engine.localAddress();
    }

    /** One Device Management API request the device's management port accepted, and who sent it. */
    record Received(String method, String path, byte[] payload, Optional<AssurePeerPrincipal> from) {
    }

    /** What the device's management port received, in order. */
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** The port {@link #serveManagement} listens on, 0 before. */
    int managementPort;

    /**
     * Opens the device's management port: a Californium server on {@link DtlsCoapConnector} that accepts only
     * management-system keys the device trusts (raw keys by SPKI, PSKs by key id) and serves
     * {@code PUT/POST /v1/keys/<id>}, {@code PUT/POST /v1/channels} and {@code PUT /v1/bootstrap}, checking the CBOR (4.00 if malformed) and
     * answering 2.04 — or 4.03 to everything when {@code refuse}. Then reports presence from that same port, so the
     * presence address is the management port. Answers the presence response.
     */
    Response serveManagement(DeviceInfo info, boolean refuse) throws Exception {
        ChannelConfiguration channel = managementChannel.orElseThrow();
        Configuration config = CoapServers.configuration();
        DtlsCoapConnector connector = DtlsCoapConnector.builder(UdpTransport.ephemeral(InetAddress.getLoopbackAddress()),
                ChannelKind.MANAGEMENT).config(FAST).serverCredentials(this::managementServerCredentials)
                .clientCredentials(server -> Optional.of(managementCredentials(channel))).build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(endpoint);
        CoapResource v1 = new CoapResource("v1");
        v1.add(new Management("keys", refuse));
        v1.add(new Management("channels", refuse));
        v1.add(new Management("bootstrap", refuse));
        server.add(v1);
        server.start();
        open.add(server::destroy);
        managementPort = endpoint.getAddress().getPort();
        IpAddress address = (IpAddress) channel.address();
        Request put = Request.newPut();
        put.setURI("coaps://" + InetAddress.getByAddress(address.remoteAddress().toByteArray()).getHostAddress() + ":"
                + address.remotePort() + "/v1/devices/" + id + "/info");
        put.setPayload(DeviceInfoCodec.encode(info));
        put.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_CBOR);
        put.send(endpoint);
        Response response = put.waitForResponse(30_000);
        if (response == null) {
            throw new IllegalStateException("no answer to presence");
        }
        return response;
    }

    /** The device's management port, where its presence came from. */
    private final class Management extends CoapResource {
        private final boolean refuse;

        Management(String name, boolean refuse) {
            super(name);
            this.refuse = refuse;
        }

        @Override
        public Resource getChild(String name) {
            // /v1/keys/<id>: one handler for every key id.
            return this;
        }

        @Override
        public void handlePUT(CoapExchange exchange) {
            handle(exchange);
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            handle(exchange);
        }

        private void handle(CoapExchange exchange) {
            if (refuse) {
                exchange.respond(CoAP.ResponseCode.FORBIDDEN);
                return;
            }
            byte[] payload = exchange.getRequestPayload();
            try {
                if (getName().equals("keys")) {
                    AuthenticatedKeyCodec.decode(payload);
                } else if (getName().equals("bootstrap")) {
                    // PUT /v1/bootstrap (§10.1.15) carries nothing
                    if (payload.length != 0) {
                        throw new IllegalArgumentException("payload");
                    }
                } else {
                    ChannelConfigurationCodec.decode(payload);
                }
            } catch (Exception e) {
                exchange.respond(CoAP.ResponseCode.BAD_REQUEST, "malformed");
                return;
            }
            received.add(new Received(exchange.getRequestCode().name(), "/" + exchange.getRequestOptions()
                    .getUriPathString(), payload, AssurePeerPrincipal.of(exchange.advanced().getRequest()
                            .getSourceContext())));
            exchange.respond(CoAP.ResponseCode.CHANGED);
        }
    }

    private Optional<ServerCredentials> managementServerCredentials(org.assure.core.model.Address peer,
            Optional<UUID> name) {
        List<TrustedKey> current = trusted;
        PskOffer psk = new PskOffer(Optional.empty(), keyId -> current.stream()
                .filter(k -> k.keyId().equals(keyId) && k.identityClass() == IdentityClass.MANAGEMENT_SYSTEM)
                .flatMap(k -> k.secret().stream()).findFirst()
                .map(s -> new PskKey(keyId, Optional.empty(), s)));
        Optional<RawKeyCredentials> raw = pair.map(p -> new RawKeyCredentials(
                new OwnKey(id, p.getPublic(), p.getPrivate()), spki -> current.stream()
                        .filter(k -> k.identityClass() == IdentityClass.MANAGEMENT_SYSTEM)
                        .filter(k -> k.publicKey().map(Keys::encodePublic).filter(spki::equals).isPresent())
                        .findFirst().map(k -> new PeerKey(k.keyId(), Optional.empty()))));
        return Optional.of(new ServerCredentials(Optional.of(id), Optional.of(psk), raw));
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        open.clear();
    }
}
