package org.assure.itests.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.assure.dtls.CredentialType;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** openssl s_client and gnutls-cli as DTLS 1.2 clients of our engine, which echoes their application data. */
class CliPeersIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final Recorder events = new Recorder();
    private DtlsEngine server;

    @TempDir
    Path dir;

    @BeforeEach
    void echo() {
        events.echoPrefix = "echo:".getBytes(StandardCharsets.US_ASCII);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String port() {
        return Integer.toString(((org.assure.core.model.IpAddress) server.localAddress()).localPort());
    }

    private void exchange(Fixtures.Peer peer, String line) throws Exception {
        peer.write(line + "\n");
        assertThat(peer.awaitOutput("echo:" + line, WAIT))
                .as("echo seen; stdout: %s\nstderr: %s", peer.stdout(), peer.stderr()).isTrue();
        Recorder.Data data = Recorder.next(events.data);
        assertThat(new String(data.bytes(), StandardCharsets.US_ASCII)).isEqualTo(line + "\n");
    }

    @Test
    void opensslClientWithPsk() throws Exception {
        String openssl = Fixtures.require("openssl");
        Fixtures.Psk psk = Fixtures.Psk.random();
        server = Fixtures.engine(Fixtures.serverKnowing(serverName, clientName, psk), events, events);
        try (Fixtures.Peer peer = Fixtures.Peer.start(openssl, "s_client", "-dtls1_2", "-connect",
                "127.0.0.1:" + port(), "-psk", psk.hex(), "-psk_identity", psk.identity(), "-cipher",
                "PSK-AES128-CCM8", "-quiet")) {
            DtlsSession session = events.nextEstablished();
            assertThat(session.peerId()).contains(clientName);
            assertThat(session.cipherSuite()).isEqualTo(0xC0A8);
            exchange(peer, "from openssl");
        }
    }

    @Test
    void gnutlsClientWithPsk() throws Exception {
        String gnutls = Fixtures.require("gnutls-cli");
        Fixtures.Psk psk = Fixtures.Psk.random();
        server = Fixtures.engine(Fixtures.serverKnowing(serverName, clientName, psk), events, events);
        try (Fixtures.Peer peer = Fixtures.Peer.start(gnutls, "--udp", "--port", port(), "127.0.0.1",
                "--priority", "NONE:+VERS-DTLS1.2:+PSK:+AES-128-CCM-8:+AEAD:+SIGN-ALL:+GROUP-ALL:+CTYPE-ALL",
                "--pskusername", psk.identity(), "--pskkey", psk.hex())) {
            DtlsSession session = events.nextEstablished();
            assertThat(session.peerId()).contains(clientName);
            assertThat(session.cipherSuite()).isEqualTo(0xC0A8);
            exchange(peer, "from gnutls");
        }
    }

    @Test
    void gnutlsClientWithRawPublicKeys() throws Exception {
        String gnutls = Fixtures.require("gnutls-cli");
        OwnKey serverKey = Fixtures.ecKey();
        OwnKey clientKey = Fixtures.ecKey();
        Path keyFile = Fixtures.pem(dir, "client-key.pem", clientKey.privateKey());
        Path publicFile = Fixtures.pem(dir, "client-pub.pem", clientKey.publicKey());
        server = Fixtures.engine(new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, clientKey.keyId(),
                        Fixtures.spki(clientKey.publicKey()))), events, events);
        try (Fixtures.Peer peer = Fixtures.Peer.start(gnutls, "--udp", "--port", port(), "127.0.0.1",
                "--priority", "NONE:+VERS-DTLS1.2:+ECDHE-ECDSA:+AES-128-CCM-8:+AEAD:+SIGN-ALL:+GROUP-ALL"
                        + ":+CTYPE-CLI-RAWPK:+CTYPE-SRV-RAWPK",
                "--rawpkkeyfile", keyFile.toString(), "--rawpkfile", publicFile.toString(), "--insecure")) {
            DtlsSession session = events.nextEstablished();
            assertThat(session.credentialType()).isEqualTo(CredentialType.RAW_PUBLIC_KEY);
            assertThat(session.keyId()).isEqualTo(clientKey.keyId());
            assertThat(session.cipherSuite()).isEqualTo(0xC0AE);
            exchange(peer, "from gnutls rpk");
        }
    }
}
