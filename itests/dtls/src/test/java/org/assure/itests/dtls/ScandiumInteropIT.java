package org.assure.itests.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assure.core.model.IpAddress;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.CredentialType;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PskKey;
import org.assure.dtls.PskResolver;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scandium 3.14 (Californium's DTLS) as client of our server and as server of our client, PSK and RPK. */
class ScandiumInteropIT {
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final Recorder events = new Recorder();
    private DtlsEngine engine;
    private ScandiumPeer scandium;

    @AfterEach
    void stop() {
        if (scandium != null) {
            scandium.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    static InetSocketAddress socket(DtlsEngine engine) {
        IpAddress local = (IpAddress) engine.localAddress();
        return new InetSocketAddress(Fixtures.LOOPBACK, local.localPort());
    }

    static IpAddress address(InetSocketAddress socket) {
        return IpAddress.of(socket.getAddress(), 0, socket.getPort());
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private void scandiumSendsAndHearsTheEcho(InetSocketAddress server) throws Exception {
        scandium.send(server, ascii("ping")).get(20, TimeUnit.SECONDS);
        DtlsSession session = events.nextEstablished();
        assertThat(new String(Recorder.next(events.data).bytes(), StandardCharsets.US_ASCII)).isEqualTo("ping");
        RawData echo = scandium.next();
        assertThat(echo).as("echo").isNotNull();
        assertThat(new String(echo.getBytes(), StandardCharsets.US_ASCII)).isEqualTo("echo:ping");
        assertThat(session.peerName()).as("Scandium sends no Peer Name Indication").isEmpty();
    }

    @Test
    void scandiumPskClientToOurServer() throws Exception {
        Fixtures.Psk psk = Fixtures.Psk.random();
        events.echoPrefix = ascii("echo:");
        engine = Fixtures.engine(Fixtures.serverKnowing(serverName, clientName, psk), events, events);
        scandium = new ScandiumPeer(Fixtures.scandium(DtlsRole.CLIENT_ONLY)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAdvancedPskStore(new AdvancedSinglePskStore(psk.identity(), psk.bytes())).build());

        scandiumSendsAndHearsTheEcho(socket(engine));

        DtlsSession session = engine.sessions().get(0);
        assertThat(session.peerId()).contains(clientName);
        assertThat(session.keyId()).isEqualTo(psk.keyId());
        assertThat(session.cipherSuite()).isEqualTo(0xC0A8);
    }

    @Test
    void ourPskClientToScandiumServer() throws Exception {
        Fixtures.Psk psk = Fixtures.Psk.random();
        scandium = new ScandiumPeer(Fixtures.scandium(DtlsRole.SERVER_ONLY)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAdvancedPskStore(new AdvancedSinglePskStore(psk.identity(), psk.bytes())).build());
        scandium.echoPrefix = ascii("echo:");
        engine = Fixtures.engine(null, events, events);

        // Our client sends Peer Name Indication; Scandium ignores it and sends none back.
        DtlsSession session = engine.connect(address(scandium.address()), ClientCredentials.psk(clientName,
                serverName, PskResolver.fixed(PskKey.of(psk.keyId(), psk.secret())))).get(20, TimeUnit.SECONDS);
        session.send(ascii("ping"));

        assertThat(new String(scandium.next().getBytes(), StandardCharsets.US_ASCII)).isEqualTo("ping");
        assertThat(new String(Recorder.next(events.data).bytes(), StandardCharsets.US_ASCII))
                .isEqualTo("echo:ping");
        assertThat(session.peerName()).isEmpty();
        assertThat(session.cipherSuite()).isEqualTo(0xC0A8);
    }

    @Test
    void scandiumRawKeyClientToOurServer() throws Exception {
        OwnKey serverKey = Fixtures.ecKey();
        OwnKey clientKey = Fixtures.ecKey();
        events.echoPrefix = ascii("echo:");
        engine = Fixtures.engine(new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, clientKey.keyId(),
                        Fixtures.spki(clientKey.publicKey()))), events, events);
        scandium = new ScandiumPeer(Fixtures.scandium(DtlsRole.CLIENT_ONLY)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8)
                .setCertificateIdentityProvider(new SingleCertificateProvider(clientKey.privateKey(),
                        clientKey.publicKey()))
                .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                        .setTrustedRPKs(new RawPublicKeyIdentity(serverKey.publicKey())).build())
                .build());

        scandiumSendsAndHearsTheEcho(socket(engine));

        DtlsSession session = engine.sessions().get(0);
        assertThat(session.credentialType()).isEqualTo(CredentialType.RAW_PUBLIC_KEY);
        assertThat(session.keyId()).isEqualTo(clientKey.keyId());
        assertThat(session.peerId()).contains(clientName);
        assertThat(session.cipherSuite()).isEqualTo(0xC0AE);
    }

    @Test
    void ourRawKeyClientToScandiumServer() throws Exception {
        OwnKey serverKey = Fixtures.ecKey();
        OwnKey clientKey = Fixtures.ecKey();
        scandium = new ScandiumPeer(Fixtures.scandium(DtlsRole.SERVER_ONLY)
                .setAsList(DtlsConfig.DTLS_CIPHER_SUITES, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8)
                .set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, CertificateAuthenticationMode.NEEDED)
                .setAsList(DtlsConfig.DTLS_CERTIFICATE_TYPES, CertificateType.RAW_PUBLIC_KEY)
                .setCertificateIdentityProvider(new SingleCertificateProvider(serverKey.privateKey(),
                        serverKey.publicKey()))
                .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                        .setTrustedRPKs(new RawPublicKeyIdentity(clientKey.publicKey())).build())
                .build());
        scandium.echoPrefix = ascii("echo:");
        engine = Fixtures.engine(null, events, events);
        InMemoryCredentials credentials = new InMemoryCredentials(clientName).ownKey(clientKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(serverName, serverKey.keyId(),
                        Fixtures.spki(serverKey.publicKey())));

        DtlsSession session = engine.connect(address(scandium.address()), credentials.clientFor(serverName))
                .get(20, TimeUnit.SECONDS);
        session.send(ascii("ping"));

        assertThat(new String(scandium.next().getBytes(), StandardCharsets.US_ASCII)).isEqualTo("ping");
        assertThat(new String(Recorder.next(events.data).bytes(), StandardCharsets.US_ASCII))
                .isEqualTo("echo:ping");
        assertThat(session.keyId()).isEqualTo(serverKey.keyId());
        assertThat(session.peerId()).contains(serverName);
        assertThat(session.cipherSuite()).isEqualTo(0xC0AE);
    }
}
