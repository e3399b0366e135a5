package org.assure.channels.internal;

import java.net.InetAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyMetadata;
import org.assure.core.transport.ChannelKind;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.Validity;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;

/**
 * A management system for the tests, also acting as the Trusted Authority: signs the gateways' device keys and
 * its own management key, runs a DTLS server the gateways open their management channels to, and sends Device
 * Management API requests over those channels with Californium.
 */
final class ManagementPeer implements AutoCloseable {
    static {
        CoapConfig.register();
    }

    final KeyPair taKeys = KeyGeneration.generate(GenerateKeyType.EC_P256, TestGateway.RANDOM);
    final EcKey taKey = EcKey.publicKey(UUID.randomUUID(), Keys.encodePublic(taKeys.getPublic()));
    final UUID id = UUID.randomUUID();
    final KeyPair keys = KeyGeneration.generate(GenerateKeyType.EC_P256, TestGateway.RANDOM);
    final EcKey key = EcKey.publicKey(UUID.randomUUID(), Keys.encodePublic(keys.getPublic()));
    final InMemoryCredentials credentials = new InMemoryCredentials(id)
            .ownKey(new OwnKey(key.keyId(), keys.getPublic(), keys.getPrivate()));
    final String host;
    DtlsCoapConnector connector;
    CoapEndpoint endpoint;

    ManagementPeer(String host) {
        this.host = host;
    }

    ManagementPeer start() throws Exception {
        Configuration configuration = Configuration.createStandardWithoutFile();
        connector = DtlsCoapConnector.builder(UdpTransport.ephemeral(InetAddress.getByName(host)),
                ChannelKind.MANAGEMENT).config(DtlsConfig.builder().handshakeTimeout(Duration.ofSeconds(5))
                        .retransmissionInitial(Duration.ofMillis(200)).build())
                .serverCredentials(credentials).build();
        endpoint = new CoapEndpoint.Builder().setConfiguration(configuration).setConnector(connector).build();
        endpoint.start();
        return this;
    }

    int port() {
        return connector.getAddress().getPort();
    }

    /** The TA's signature over {@code key} as class {@code cls}. */
    AuthenticatedKey authenticate(EcKey key, IdentityClass cls) {
        return SigningKey.of(taKey.keyId(), taKeys.getPrivate()).authenticate(cls, key, KeyMetadata.NONE,
                Validity.UNBOUNDED);
    }

    /** This management system's key, authenticated by the TA (class 2). */
    AuthenticatedKey managementKey() {
        return authenticate(key, IdentityClass.MANAGEMENT_SYSTEM);
    }

    /** Lets {@code gateway} in with its device key. */
    void admit(TestGateway gateway) {
        credentials.putPeer(InMemoryCredentials.Peer.withRawKey(gateway.deviceId, gateway.deviceKey.keyId(),
                gateway.deviceKey.publicKey()));
    }

    Response request(TestGateway gateway, CoAP.Code code, String path, byte[] payload) throws Exception {
        return send(endpoint, host, gateway.port(ChannelKind.MANAGEMENT), code, path, payload);
    }

    static Response send(CoapEndpoint from, String host, int port, CoAP.Code code, String path, byte[] payload)
            throws Exception {
        Request request = new Request(code);
        String literal = host.contains(":") ? "[" + host + "]" : host;
        request.setURI("coaps://" + literal + ":" + port + path);
        if (payload != null && code == CoAP.Code.GET) {
            // ping's payload (draft §10.1.16): RFC 7252 lets a GET carry one; Californium wants it said explicitly
            request.setUnintendedPayload();
            request.setPayload(payload);
            request.getOptions().setContentFormat(0);
        } else if (payload != null) {
            request.setPayload(payload);
            request.getOptions().setContentFormat(60);
        }
        request.send(from);
        Response response = request.waitForResponse(10_000);
        if (response == null) {
            throw new AssertionError("no response to " + code + " " + path);
        }
        return response;
    }

    /** Waits (bounded) for a condition that depends on network activity. */
    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    Optional<UUID> sessionPeer(TestGateway gateway) {
        return connector.engine().sessions().stream().map(s -> s.peerName()).flatMap(Optional::stream)
                .filter(gateway.deviceId::equals).findFirst();
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.destroy();
        }
    }
}
