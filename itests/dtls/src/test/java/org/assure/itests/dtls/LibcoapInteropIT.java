package org.assure.itests.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.assure.dtls.CredentialType;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libcoap's coap-client (GnuTLS and OpenSSL builds, plain DICE peers without PNI) GETs a resource over our connector. */
class LibcoapInteropIT {
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final Recorder events = new Recorder();

    @TempDir
    Path dir;

    private void getWithPsk(String binary) throws Exception {
        String client = Fixtures.require(binary);
        Fixtures.Psk psk = Fixtures.Psk.random();
        try (Fixtures.OurCoapServer server = new Fixtures.OurCoapServer(
                Fixtures.serverKnowing(serverName, clientName, psk), events)) {
            Fixtures.Result result = Fixtures.run(Fixtures.PROCESS_TIMEOUT, client, "-m", "get", "-B", "10",
                    "-u", psk.identity(), "-k", psk.ascii(), server.uri("hello"));

            assertThat(result.stdout()).as("stderr: %s", result.stderr()).contains("hello " + clientName);
            DtlsSession session = events.nextEstablished();
            assertThat(session.peerName()).as("libcoap sends no Peer Name Indication").isEmpty();
            assertThat(session.peerId()).contains(clientName);
            assertThat(session.keyId()).isEqualTo(psk.keyId());
            assertThat(session.cipherSuite()).isEqualTo(0xC0A8);
        }
    }

    @Test
    void gnutlsClientWithPsk() throws Exception {
        getWithPsk("coap-client-gnutls");
    }

    @Test
    void opensslClientWithPsk() throws Exception {
        getWithPsk("coap-client-openssl");
    }

    @Test
    void gnutlsClientWithRawPublicKey() throws Exception {
        String client = Fixtures.require("coap-client-gnutls");
        OwnKey serverKey = Fixtures.ecKey();
        OwnKey clientKey = Fixtures.ecKey();
        Path keyFile = Fixtures.pem(dir, "client-key.pem", clientKey.privateKey());
        InMemoryCredentials credentials = new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, clientKey.keyId(),
                        Fixtures.spki(clientKey.publicKey())));
        try (Fixtures.OurCoapServer server = new Fixtures.OurCoapServer(credentials, events)) {
            Fixtures.Result result = Fixtures.run(Fixtures.PROCESS_TIMEOUT, client, "-m", "get", "-B", "10",
                    "-M", keyFile.toString(), server.uri("hello"));

            assertThat(result.stdout()).as("stderr: %s", result.stderr()).contains("hello " + clientName);
            DtlsSession session = events.nextEstablished();
            assertThat(session.credentialType()).isEqualTo(CredentialType.RAW_PUBLIC_KEY);
            assertThat(session.keyId()).isEqualTo(clientKey.keyId());
            assertThat(session.cipherSuite()).isEqualTo(0xC0AE);
        }
    }

    @Test
    void gnutlsClientWithWrongPskGetsNothing() throws Exception {
        String client = Fixtures.require("coap-client-gnutls");
        Fixtures.Psk psk = Fixtures.Psk.random();
        Fixtures.Psk wrong = new Fixtures.Psk(psk.keyId(), Fixtures.Psk.random().secret());
        try (Fixtures.OurCoapServer server = new Fixtures.OurCoapServer(
                Fixtures.serverKnowing(serverName, clientName, psk), events)) {
            Fixtures.Result result = Fixtures.run(Fixtures.PROCESS_TIMEOUT, client, "-m", "get", "-B", "3",
                    "-u", wrong.identity(), "-k", wrong.ascii(), server.uri("hello"));

            assertThat(result.stdout()).doesNotContain("hello");
            assertThat(server.engine().sessions()).isEmpty();
        }
    }
}
