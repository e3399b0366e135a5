package org.assure.itests.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assure.core.model.PskHint;
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
    void gnutlsClientsAtOnceAgainstAServerReceivingOnFourThreads() throws Exception {
        // A SO_REUSEPORT group of 4 sockets: each client's datagrams reach one of them, whichever it is.
        String client = Fixtures.require("coap-client-gnutls");
        int clients = 8;
        List<Fixtures.Psk> psks = new ArrayList<>();
        List<UUID> names = new ArrayList<>();
        InMemoryCredentials credentials = new InMemoryCredentials(serverName);
        for (int i = 0; i < clients; i++) {
            Fixtures.Psk psk = Fixtures.Psk.random();
            UUID name = UUID.randomUUID();
            credentials.putSecret(psk.keyId(), psk.secret())
                    .putPeer(InMemoryCredentials.Peer.withPsk(name, new PskHint.KeyIdHint(psk.keyId())));
            psks.add(psk);
            names.add(name);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (Fixtures.OurCoapServer server = new Fixtures.OurCoapServer(credentials, events, 4)) {
            List<Future<Fixtures.Result>> results = new ArrayList<>();
            for (Fixtures.Psk psk : psks) {
                results.add(pool.submit(() -> Fixtures.run(Fixtures.PROCESS_TIMEOUT, client, "-m", "get", "-B", "10",
                        "-u", psk.identity(), "-k", psk.ascii(), server.uri("hello"))));
            }
            for (int i = 0; i < clients; i++) {
                Fixtures.Result result = results.get(i).get();
                assertThat(result.stdout()).as("stderr: %s", result.stderr()).contains("hello " + names.get(i));
            }
            Set<UUID> established = new HashSet<>();
            for (int i = 0; i < clients; i++) {
                established.add(events.nextEstablished().peerId().orElseThrow());
            }
            assertThat(established).containsExactlyInAnyOrderElementsOf(names);
        } finally {
            pool.shutdownNow();
        }
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
