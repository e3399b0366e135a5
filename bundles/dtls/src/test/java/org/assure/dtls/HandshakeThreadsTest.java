package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where handshakes run: raw-key ones on the handshake pool when there is one, PSK ones on the receive thread. */
class HandshakeThreadsTest {
    private static final String POOL = "assure-dtls-handshake-";

    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final ThreadRecordingEvents serverEvents = new ThreadRecordingEvents();
    private Peers peers;

    /** Also notes the thread each server session was reported established on. */
    static final class ThreadRecordingEvents extends Events {
        final BlockingQueue<String> establishedOn = new LinkedBlockingQueue<>();

        @Override
        public void established(DtlsSession session) {
            establishedOn.add(Thread.currentThread().getName());
            super.established(session);
        }
    }

    @BeforeEach
    void start() throws Exception {
        peers = Peers.ipv4();
    }

    @AfterEach
    void stop() {
        peers.close();
    }

    private static DtlsConfig config(int handshakeThreads) {
        return DtlsConfig.builder().handshakeTimeout(Duration.ofSeconds(10))
                .retransmissionInitial(Duration.ofMillis(200)).handshakeThreads(handshakeThreads).build();
    }

    private record RawKeyPair(InMemoryCredentials server, InMemoryCredentials client) {
    }

    private RawKeyPair rawKeys() {
        OwnKey serverKey = Peers.ownKey(GenerateKeyType.EC_P256);
        OwnKey clientKey = Peers.ownKey(GenerateKeyType.EC_P256);
        return new RawKeyPair(new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, clientKey.keyId(), Peers.spki(clientKey))),
                new InMemoryCredentials(clientName).ownKey(clientKey).putPeer(
                        InMemoryCredentials.Peer.withRawKey(serverName, serverKey.keyId(), Peers.spki(serverKey))));
    }

    @Test
    void givenHandshakeThreads_whenRawKeyClientConnects_thenTheServerSideRunsOnThePool() throws Exception {
        RawKeyPair keys = rawKeys();
        DtlsEngine server = peers.server(config(2), keys.server(), serverEvents);
        DtlsEngine client = peers.client(config(2), new Events());

        DtlsSession session = client.connect(server.localAddress(), keys.client().clientFor(serverName))
                .get(20, TimeUnit.SECONDS);
        session.send(new byte[] {5});

        assertThat(Events.next(serverEvents.establishedOn)).startsWith(POOL);
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(5);
    }

    @Test
    void givenNoHandshakeThreads_whenRawKeyClientConnects_thenTheReceiveThreadRunsIt() throws Exception {
        RawKeyPair keys = rawKeys();
        DtlsEngine server = peers.server(config(0), keys.server(), serverEvents);
        DtlsEngine client = peers.client(config(0), new Events());

        client.connect(server.localAddress(), keys.client().clientFor(serverName)).get(20, TimeUnit.SECONDS);

        assertThat(Events.next(serverEvents.establishedOn)).doesNotStartWith(POOL);
    }

    @Test
    void givenHandshakeThreads_whenPskClientConnects_thenTheReceiveThreadRunsIt() throws Exception {
        UUID keyId = UUID.randomUUID();
        SecretBytes secret = Peers.secret();
        DtlsEngine server = peers.server(config(2), new InMemoryCredentials(serverName).putSecret(keyId, secret)
                .putPeer(InMemoryCredentials.Peer.withPsk(clientName, new PskHint.KeyIdHint(keyId))), serverEvents);
        DtlsEngine client = peers.client(config(2), new Events());
        InMemoryCredentials clientCredentials = new InMemoryCredentials(clientName)
                .putPeer(new InMemoryCredentials.Peer(serverName, Optional.empty(), Map.of())).putSecret(keyId, secret);

        client.connect(server.localAddress(), clientCredentials.clientFor(serverName)).get(20, TimeUnit.SECONDS);

        assertThat(Events.next(serverEvents.establishedOn)).doesNotStartWith(POOL);
    }

    @Test
    void givenHandshakeThreads_whenAClientReconnectsRightAfterEachHandshake_thenNoClientHelloWaitsForARetransmission()
            throws Exception {
        // A ClientHello that reaches the server while its previous handshake with this address is still finishing on
        // the pool must start the next handshake, not vanish into the old one: with a 5 s retransmission timer a
        // lost ClientHello would make that connect take over 5 s.
        RawKeyPair keys = rawKeys();
        DtlsConfig slowRetransmission = DtlsConfig.builder().handshakeTimeout(Duration.ofSeconds(20))
                .retransmissionInitial(Duration.ofSeconds(5)).handshakeThreads(2).sessionCacheSize(0).build();
        DtlsEngine server = peers.server(slowRetransmission, keys.server(), serverEvents);
        DtlsEngine client = peers.client(slowRetransmission, new Events());
        for (int i = 0; i < 20; i++) {
            DtlsSession session = client.connect(server.localAddress(), keys.client().clientFor(serverName))
                    .get(4, TimeUnit.SECONDS);
            session.send(new byte[] {(byte) i});
        }
        for (int i = 0; i < 20; i++) {
            assertThat(Events.next(serverEvents.data).bytes()).hasSize(1);
        }
    }

    @Test
    void givenHandshakeThreads_whenManyRawKeyClientsConnectAtOnce_thenEverySessionWorks() throws Exception {
        RawKeyPair keys = rawKeys();
        DtlsEngine server = peers.server(config(2), keys.server(), serverEvents);
        List<CompletableFuture<DtlsSession>> sessions = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            DtlsEngine client = peers.client(config(2), new Events());
            sessions.add(client.connect(server.localAddress(), keys.client().clientFor(serverName)));
        }
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).get(20, TimeUnit.SECONDS).send(new byte[] {(byte) i});
        }
        List<Integer> received = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            received.add((int) Events.next(serverEvents.data).bytes()[0]);
        }
        assertThat(received).hasSize(24).doesNotHaveDuplicates();
    }
}
