package org.assure.authority.internal.coap;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.ChannelCase;
import org.assure.authority.ChannelIssuance;
import org.assure.authority.IssuedChannel;
import org.assure.authority.PushedRequest;
import org.assure.authority.Topology;
import org.assure.authority.internal.mgmt.ChannelPlanner;
import org.assure.authority.internal.mgmt.DeviceRequest;
import org.assure.authority.internal.mgmt.PlannedDevice;
import org.assure.authority.internal.mgmt.Registrar;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PeerKey;
import org.assure.dtls.PskKey;
import org.assure.dtls.RawKeyCredentials;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues data channels (draft §13) and pushes them: plans each pair from what the management server holds for its
 * devices (the channel keys and capabilities from their configuration data, the address of their last presence),
 * then sends every request to the device's management port over a DTLS session it opens as the management system
 * the device trusts — our EC key against the device's raw key, or the derived management key as PSK — exactly
 * the credentials the device's bootstrap image installed. Nothing is pushed unless every device can be planned for.
 */
public final class ChannelIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelIssuer.class);
    private static final long ANSWER_TIMEOUT_MS = 30_000;
    private final Registrar registrar;
    private final SecureRandom random;
    private final DtlsConfig dtls;
    private final InetAddress bind;
    private final int dataPort;

    /**
     * @param bind     the local address pushes leave from (the management server's CoAP address)
     * @param dataPort the port devices take data channels on, or 0 for each device's management port + 1: a
     *                 device's data channel to a peer names the peer's IP address (of its presence) and its data
     *                 port, never its management port (a gateway accepts a data channel only on its data port)
     */
    public ChannelIssuer(Registrar registrar, SecureRandom random, DtlsConfig dtls, InetAddress bind, int dataPort) {
        this.dataPort = dataPort;
        this.registrar = registrar;
        this.bind = bind;
        this.random = random;
        this.dtls = dtls;
    }

    /** A device ready to be planned for, with how to reach and authenticate to it. */
    private record Ready(PlannedDevice planned, InetSocketAddress management, ClientCredentials credentials) {
    }

    public ChannelIssuance issue(List<UUID> devices, Topology topology) throws AuthorityException {
        if (devices.size() < 2) {
            throw new IllegalArgumentException("a channel needs two devices");
        }
        if (new HashSet<>(devices).size() != devices.size()) {
            throw new IllegalArgumentException("a device is named twice");
        }
        Map<UUID, String> errors = new LinkedHashMap<>();
        List<Ready> ready = new ArrayList<>();
        for (UUID device : devices) {
            try {
                ready(device, errors).ifPresent(ready::add);
            } catch (CryptoException e) {
                errors.put(device, "its keys cannot be used: " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            return new ChannelIssuance(List.of(), errors);
        }
        List<ChannelPlanner.PairPlan> plans;
        try {
            plans = new ChannelPlanner(random, ChannelFlags.data(true, true))
                    .topology(topology, ready.stream().map(Ready::planned).toList());
        } catch (CryptoException e) {
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "cannot issue the channel keys", e);
        }
        Map<UUID, Ready> byId = new HashMap<>();
        ready.forEach(r -> byId.put(r.planned().id(), r));
        Map<UUID, CoapEndpoint> endpoints = new HashMap<>();
        try {
            List<IssuedChannel> channels = new ArrayList<>();
            for (ChannelPlanner.PairPlan plan : plans) {
                List<PushedRequest> pushed = new ArrayList<>();
                for (DeviceRequest request : plan.requests()) {
                    pushed.add(push(request, byId.get(request.device()), endpoints, errors));
                }
                channels.add(new IssuedChannel(plan.a(), plan.b(), ChannelCase.valueOf(plan.kind().name()), pushed));
            }
            return new ChannelIssuance(channels, errors);
        } finally {
            endpoints.values().forEach(CoapEndpoint::destroy);
        }
    }

    /**
     * Sends one request without payload (e.g. {@code PUT /v1/bootstrap}) to a device's management port over DTLS,
     * authenticated as for a channel push.
     *
     * @throws AuthorityException UNAUTHENTICATED for a device that is not ours, UNAVAILABLE when it has no
     *                            presence yet, cannot be reached, or did not answer (the cause says why)
     */
    public PushedRequest request(UUID device, String method, String path) throws AuthorityException {
        Map<UUID, String> errors = new LinkedHashMap<>();
        Optional<Ready> ready;
        try {
            ready = ready(device, errors);
        } catch (CryptoException e) {
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "the device's keys cannot be used", e);
        }
        if (ready.isEmpty()) {
            String error = errors.getOrDefault(device, "");
            throw error.equals("no presence yet") ? new AuthorityException(ErrorKind.UNAVAILABLE, "no presence yet")
                    : new AuthorityException(ErrorKind.UNAUTHENTICATED, "not a configured device of this management server");
        }
        Map<UUID, CoapEndpoint> endpoints = new HashMap<>();
        try {
            PushedRequest pushed = push(new DeviceRequest(device, method, path, "", new byte[0]), ready.get(), endpoints,
                    errors);
            if (pushed.responseCode().isEmpty()) {
                // The error text is ours (fixed words and the transport's reason), never the device's data.
                throw new AuthorityException(ErrorKind.UNAVAILABLE, "the device did not answer",
                        new java.io.IOException(errors.get(device)));
            }
            return pushed;
        } finally {
            endpoints.values().forEach(CoapEndpoint::destroy);
        }
    }

    private Optional<Ready> ready(UUID device, Map<UUID, String> errors) throws AuthorityException, CryptoException {
        Optional<Registrar.ChannelKeys> keys = registrar.channelKeys(device);
        Optional<Registrar.Planning> planning = registrar.planning(device);
        if (keys.isEmpty() || planning.isEmpty()) {
            errors.put(device, "not a configured device of this management server");
            return Optional.empty();
        }
        if (planning.get().presenceAddress().isEmpty()
                || !(planning.get().presenceAddress().get() instanceof IpAddress address)) {
            errors.put(device, "no presence yet");
            return Optional.empty();
        }
        UUID ownId = registrar.key().keyId();
        var ownPair = registrar.key().pair();
        PlannedDevice.DeviceKey deviceKey;
        SigningKey signer;
        ClientCredentials credentials;
        if (keys.get().managementKey().key() instanceof DerivedSecretKey k) {
            SecretBytes secret = DerivedSecrets.resolve(k, TrustedKeys.of(List.of(registrar.key().asTrustedKey())))
                    .orElseThrow(() -> new CryptoException(ErrorKind.UNAUTHENTICATED, "management key not derived for us"));
            signer = SigningKey.ofSecret(k.keyId(), secret);
            deviceKey = keys.get().deviceKey().isPresent() ? asymmetric(keys.get().deviceKey().get())
                    : new PlannedDevice.DeviceKey.Secret(k.keyId(), secret);
            PskKey psk = new PskKey(k.keyId(), Optional.of(device), secret);
            credentials = new ClientCredentials(Optional.of(ownId), Optional.of(device),
                    Optional.of(hint -> Optional.of(psk)), Optional.empty());
        } else {
            if (keys.get().deviceKey().isEmpty()) {
                errors.put(device, "no device key to authenticate it by");
                return Optional.empty();
            }
            Bytes expected = keys.get().deviceKey().get();
            deviceKey = asymmetric(expected);
            signer = SigningKey.of(ownId, ownPair.getPrivate());
            RawKeyCredentials raw = new RawKeyCredentials(new OwnKey(ownId, ownPair.getPublic(), ownPair.getPrivate()),
                    spki -> spki.equals(expected) ? Optional.of(new PeerKey(device, Optional.of(device)))
                            : Optional.empty());
            credentials = new ClientCredentials(Optional.of(ownId), Optional.of(device), Optional.empty(),
                    Optional.of(raw));
        }
        int peerDataPort = dataPort != 0 ? dataPort : address.remotePort() + 1;
        if (peerDataPort > 65535) {
            errors.put(device, "no data port after its management port 65535");
            return Optional.empty();
        }
        IpAddress peerAddress = IpAddress.of(address.inetAddress(), 0, peerDataPort);
        return Optional.of(new Ready(new PlannedDevice(device, peerAddress, deviceKey, planning.get().capabilities(),
                signer), new InetSocketAddress(address.inetAddress(), address.remotePort()), credentials));
    }

    private static PlannedDevice.DeviceKey asymmetric(Bytes spki) throws CryptoException {
        PublicKey key;
        try {
            key = Keys.publicKey(KeyFormat.EC, spki);
            return new PlannedDevice.DeviceKey.Ec(key);
        } catch (CryptoException notEc) {
            return new PlannedDevice.DeviceKey.Rsa(Keys.publicKey(KeyFormat.RSA, spki));
        }
    }

    /** Sends one request unless its device already failed; a failure is recorded for the device, never hidden. */
    private PushedRequest push(DeviceRequest request, Ready device, Map<UUID, CoapEndpoint> endpoints,
            Map<UUID, String> errors) {
        UUID id = request.device();
        String path = "/" + request.path();
        if (errors.containsKey(id)) {
            return new PushedRequest(id, request.method(), path, Optional.empty());
        }
        try {
            CoapEndpoint endpoint = endpoints.get(id);
            if (endpoint == null) {
                endpoint = endpoint(device.credentials());
                endpoints.put(id, endpoint);
            }
            Request coap = new Request(CoAP.Code.valueOf(request.method()));
            coap.setURI("coaps://" + hostLiteral(device.management().getAddress()) + ":"
                    + device.management().getPort() + path + (request.query().isEmpty() ? "" : "?" + request.query()));
            byte[] payload = request.payload();
            if (payload.length > 0) {
                coap.setPayload(payload);
                coap.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_CBOR);
            }
            coap.send(endpoint);
            Response response = coap.waitForResponse(ANSWER_TIMEOUT_MS);
            if (response == null) {
                errors.put(id, "no answer to " + request.method() + " " + path
                        + (coap.getSendError() != null ? ": " + coap.getSendError().getMessage() : ""));
                return new PushedRequest(id, request.method(), path, Optional.empty());
            }
            String code = response.getCode().codeClass + "." + String.format("%02d", response.getCode().codeDetail);
            if (!response.isSuccess()) {
                errors.put(id, request.method() + " " + path + " answered " + code);
            }
            return new PushedRequest(id, request.method(), path, Optional.of(code));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.put(id, "interrupted");
            return new PushedRequest(id, request.method(), path, Optional.empty());
        } catch (Exception e) {
            LOG.warn("channel push to {} failed: {}", id, e.toString());
            errors.put(id, "push failed: " + e.getMessage());
            return new PushedRequest(id, request.method(), path, Optional.empty());
        }
    }

    private static String hostLiteral(InetAddress address) {
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private CoapEndpoint endpoint(ClientCredentials credentials) throws java.io.IOException {
        DtlsCoapConnector connector = DtlsCoapConnector.builder(new UdpTransport(bind, 0, 0, UdpTransport.DEFAULT_MTU),
                ChannelKind.MANAGEMENT).config(dtls)
                .clientCredentials(server -> Optional.of(credentials)).build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(CoapServers.configuration())
                .setConnector(connector).build();
        endpoint.setMessageDeliverer(new PushOnlyDeliverer());
        endpoint.start();
        return endpoint;
    }

    /**
     * A push endpoint only sends requests. A device may use the session it opened for a request of its own (a
     * goodbye when it stops, say); that is answered 4.04 here, quietly — its management channel to the management
     * server's presence port is where such requests belong — instead of Californium's error log for a client
     * endpoint that receives a request.
     */
    private static final class PushOnlyDeliverer extends org.eclipse.californium.core.network.EndpointManager
            .ClientMessageDeliverer {
        @Override
        public void deliverRequest(org.eclipse.californium.core.network.Exchange exchange) {
            LOG.debug("request from a device on a push session answered 4.04");
            exchange.sendResponse(new org.eclipse.californium.core.coap.Response(
                    org.eclipse.californium.core.coap.CoAP.ResponseCode.NOT_FOUND));
        }
    }
}
