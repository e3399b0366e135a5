package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.CredentialType;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.FailureCause;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.PskKey;
import org.assure.dtls.PskResolver;
import org.assure.dtls.ServerCredentials;
import org.junit.jupiter.api.Test;

/** The own handshake state machines against each other, in memory: no sockets, no threads, every datagram seen. */
class OwnChannelTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final HandshakeSettings settings = HandshakeSettings.of(DtlsConfig.builder()
            .handshakeTimeout(Duration.ofSeconds(10)).retransmissionInitial(Duration.ofMillis(200)).build());
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final UUID pskId = UUID.randomUUID();
    private final SecretBytes psk = SecretBytes.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    private final InMemoryCredentials credentials = new InMemoryCredentials(serverName).putSecret(pskId, psk)
            .putPeer(InMemoryCredentials.Peer.withPsk(clientName, new PskHint.KeyIdHint(pskId)));

    static final class Wires implements OwnChannel.Host {
        final ArrayDeque<byte[]> out = new ArrayDeque<>();
        final List<byte[]> delivered = new ArrayList<>();
        long now = 1000;
        long timer = -1;
        int dropped;
        int limit = 1400;
        int datagrams;

        @Override
        public void sendDatagram(byte[] data, int off, int len) {
            assertThat(len).isLessThanOrEqualTo(limit);
            datagrams++;
            out.add(java.util.Arrays.copyOfRange(data, off, off + len));
        }

        @Override
        public int datagramLimit() {
            return limit;
        }

        @Override
        public long nowMillis() {
            return now;
        }

        @Override
        public byte[] randomBytes(int n) {
            byte[] b = new byte[n];
            RANDOM.nextBytes(b);
            return b;
        }

        @Override
        public SecureRandom secureRandom() {
            return RANDOM;
        }

        @Override
        public void armTimer(long delayMillis) {
            timer = delayMillis;
        }

        @Override
        public void recordDropped() {
            dropped++;
        }

        @Override
        public void recordDiscarded() {
        }

        @Override
        public void authenticated() {
        }

        @Override
        public void deliver(byte[] data) {
            delivered.add(data);
        }
    }

    private final Wires clientWires = new Wires();
    private final Wires serverWires = new Wires();
    private OwnChannel server;
    private final SessionCache<org.assure.core.model.Bytes, CachedSession> cache = new SessionCache<>(10,
            Duration.ofMinutes(5), java.time.Clock.systemUTC());

    /** Answers ClientHellos as the engine does: without a cookie exchange here, the first starts the server. */
    private void pump(OwnChannel client) throws Exception {
        pumpWith(client, credentials);
    }

    private void pumpWith(OwnChannel client, InMemoryCredentials serverCredentials) throws Exception {
        pumpWith(client, serverCredentials, receiver -> {
        });
    }

    /**
     * Passes datagrams both ways until neither side sends; the first one starts the server with these credentials.
     * {@code beforeEach} gets the receiving side before every later datagram (e.g. to feed it noise first).
     */
    private void pumpWith(OwnChannel client, InMemoryCredentials serverCredentials,
            java.util.function.Consumer<OwnChannel> beforeEach) throws Exception {
        for (int round = 0; round < 20; round++) {
            boolean moved = false;
            while (!clientWires.out.isEmpty()) {
                byte[] datagram = clientWires.out.poll();
                moved = true;
                if (server == null) {
                    server = startServer(datagram, serverCredentials);
                } else {
                    beforeEach.accept(server);
                    server.receive(datagram);
                }
            }
            while (!serverWires.out.isEmpty()) {
                moved = true;
                beforeEach.accept(client);
                client.receive(serverWires.out.poll());
            }
            if (!moved) {
                return;
            }
        }
    }

    private OwnChannel startServer(byte[] datagram, InMemoryCredentials serverCredentials) throws Exception {
        Wire.RecordHeader record = Wire.record(datagram, 0, datagram.length);
        Wire.FragmentHeader header = Wire.fragment(datagram, record.offset(), record.length());
        int start = record.offset() + Wire.HANDSHAKE_HEADER;
        byte[] body = java.util.Arrays.copyOfRange(datagram, start, start + header.length());
        Wire.ClientHello hello = Wire.ClientHello.decode(body);
        Optional<UUID> name = Optional.ofNullable(hello.extensions.get(0xFF00)).flatMap(PeerNameExtension::decode);
        Optional<ServerCredentials> selected = serverCredentials.select(null, name);
        OwnChannel channel = OwnChannel.server(serverWires, settings, body, hello, header.messageSeq(), name, selected,
                0, cache, new HandshakeOutcome());
        channel.startServer();
        return channel;
    }

    private OwnChannel client(ClientCredentials creds) {
        OwnChannel channel = OwnChannel.client(clientWires, settings, creds, Optional.empty(), new HandshakeOutcome());
        channel.startClient();
        return channel;
    }

    @Test
    void givenMatchingPsk_whenChannelsHandshake_thenBothEstablishAndDataFlows() throws Exception {
        OwnChannel client = client(ClientCredentials.psk(clientName, serverName, PskResolver.fixed(PskKey.of(pskId, psk))));
        pump(client);

        assertThat(client.failed).isNull();
        assertThat(server.failed).isNull();
        assertThat(client.completed).isTrue();
        assertThat(server.completed).isTrue();
        assertThat(server.identity().peerId()).contains(clientName);
        assertThat(server.identity().type()).isEqualTo(CredentialType.PSK);
        assertThat(client.identity().peerName()).contains(serverName);

        client.sendApplicationData(new byte[] {9, 8, 7}, 0, 3);
        server.receive(clientWires.out.poll());
        assertThat(serverWires.delivered).hasSize(1);
        assertThat(serverWires.delivered.get(0)).containsExactly(9, 8, 7);
    }

    @Test
    void givenWrongPsk_whenChannelsHandshake_thenNeitherEstablishes() throws Exception {
        ClientCredentials wrong = ClientCredentials.psk(clientName, serverName,
                PskResolver.fixed(PskKey.of(pskId, SecretBytes.of(new byte[] {9, 9, 9}))));
        OwnChannel client = client(wrong);
        pump(client);

        assertThat(client.completed).isFalse();
        assertThat(server.completed).isFalse();
        assertThat(serverWires.dropped).isEqualTo(1);
    }

    @Test
    void givenUnknownPeerName_whenServerStarts_thenAccessDenied() throws Exception {
        OwnChannel client = client(ClientCredentials.psk(UUID.randomUUID(), serverName,
                PskResolver.fixed(PskKey.of(pskId, psk))));
        pump(client);

        assertThat(server.failed).isNotNull();
        assertThat(server.outcome().classify(server.failed)).isEqualTo(FailureCause.UNKNOWN_PEER_NAME);
        assertThat(client.failed).isNotNull();
        assertThat(client.outcome().classify(client.failed)).isEqualTo(FailureCause.REFUSED_BY_PEER);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"EC_P256, 49326", "RSA_2048, 49199"})
    void givenRawKeysAndASmallServerPath_whenChannelsHandshake_thenFragmentedFlightsReassembleAndBothAuthenticate(
            org.assure.core.model.GenerateKeyType type, int suite) throws Exception {
        org.assure.dtls.OwnKey serverKey = ownKey(type);
        org.assure.dtls.OwnKey clientKey = ownKey(type);
        UUID clientKeyId = clientKey.keyId();
        InMemoryCredentials rawServer = new InMemoryCredentials(serverName).ownKey(serverKey).putPeer(
                InMemoryCredentials.Peer.withRawKey(clientName, clientKeyId,
                        org.assure.core.crypto.Keys.encodePublic(clientKey.publicKey())));
        InMemoryCredentials rawClient = new InMemoryCredentials(clientName).ownKey(clientKey).putPeer(
                InMemoryCredentials.Peer.withRawKey(serverName, serverKey.keyId(),
                        org.assure.core.crypto.Keys.encodePublic(serverKey.publicKey())));
        serverWires.limit = 200;
        OwnChannel client = client(rawClient.clientFor(serverName));
        pumpWith(client, rawServer);

        assertThat(client.failed).isNull();
        assertThat(server.failed).isNull();
        assertThat(server.completed).isTrue();
        assertThat(client.completed).isTrue();
        assertThat(server.cipherSuite()).isEqualTo(suite);
        assertThat(server.identity().keyId()).isEqualTo(clientKeyId);
        assertThat(server.identity().type()).isEqualTo(CredentialType.RAW_PUBLIC_KEY);
        assertThat(client.identity().keyId()).isEqualTo(serverKey.keyId());
        assertThat(serverWires.datagrams).as("the server flight did not fit one 200-byte datagram").isGreaterThan(2);
    }

    private static org.assure.dtls.OwnKey ownKey(org.assure.core.model.GenerateKeyType type) {
        java.security.KeyPair pair = org.assure.core.crypto.KeyGeneration.generate(type, RANDOM);
        return new org.assure.dtls.OwnKey(UUID.randomUUID(), pair.getPublic(), pair.getPrivate());
    }

    @Test
    void givenNoiseAndForgedEpoch1Records_whenInterleavedWithTheHandshake_thenTheyAreDroppedAndBothSidesEstablish()
            throws Exception {
        java.util.Random noise = new java.util.Random(11);
        OwnChannel client = client(ClientCredentials.psk(clientName, serverName, PskResolver.fixed(PskKey.of(pskId, psk))));
        pumpWith(client, credentials, receiver -> {
            for (int i = 0; i < 50; i++) {
                receiver.receive(garbage(noise));
            }
        });

        assertThat(client.failed).isNull();
        assertThat(server.failed).isNull();
        assertThat(client.completed).isTrue();
        assertThat(server.completed).isTrue();
        assertThat(serverWires.dropped).as("forged epoch-1 records after the keys existed").isPositive();
        client.sendApplicationData(new byte[] {4}, 0, 1);
        for (int i = 0; i < 200; i++) {
            server.receive(garbage(noise));
        }
        server.receive(clientWires.out.poll());
        assertThat(serverWires.delivered).hasSize(1);
        assertThat(server.ended).isNull();
    }

    /** Random bytes, or a well-formed epoch-1 record of any content type with a random (unauthentic) fragment. */
    private static byte[] garbage(java.util.Random random) {
        byte[] data = new byte[random.nextInt(80)];
        random.nextBytes(data);
        if (random.nextBoolean() && data.length >= Wire.RECORD_HEADER) {
            Wire.recordHeader(data, 0, 20 + random.nextInt(5), Wire.DTLS12, 1, random.nextInt(1000),
                    data.length - Wire.RECORD_HEADER);
        }
        return data;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"PSK", "EC_P256", "RSA_2048"})
    void givenCachedSession_whenClientReconnects_thenAbbreviatedHandshakeKeepsIdentityAndSuite(String kind)
            throws Exception {
        InMemoryCredentials serverSide = credentials;
        ClientCredentials clientSide = ClientCredentials.psk(clientName, serverName,
                PskResolver.fixed(PskKey.of(pskId, psk)));
        if (!kind.equals("PSK")) {
            org.assure.core.model.GenerateKeyType type = org.assure.core.model.GenerateKeyType.valueOf(kind);
            org.assure.dtls.OwnKey serverKey = ownKey(type);
            org.assure.dtls.OwnKey clientKey = ownKey(type);
            serverSide = new InMemoryCredentials(serverName).ownKey(serverKey).putPeer(InMemoryCredentials.Peer
                    .withRawKey(clientName, clientKey.keyId(), org.assure.core.crypto.Keys.encodePublic(clientKey.publicKey())));
            clientSide = new InMemoryCredentials(clientName).ownKey(clientKey).putPeer(InMemoryCredentials.Peer
                    .withRawKey(serverName, serverKey.keyId(), org.assure.core.crypto.Keys.encodePublic(serverKey.publicKey())))
                    .clientFor(serverName);
        }
        OwnChannel first = client(clientSide);
        pumpWith(first, serverSide);
        assertThat(first.completed).isTrue();
        CachedSession cached = first.sessionToCache();
        assertThat(cached).isNotNull();
        PeerIdentity full = server.identity();

        server = null;
        clientWires.out.clear();
        OwnChannel second = OwnChannel.client(clientWires, settings, clientSide, Optional.of(cached),
                new HandshakeOutcome());
        second.startClient();
        int before = serverWires.datagrams;
        pumpWith(second, serverSide);

        assertThat(second.failed).isNull();
        assertThat(server.failed).isNull();
        assertThat(second.completed).isTrue();
        assertThat(server.completed).isTrue();
        assertThat(second.resumed()).isTrue();
        assertThat(server.resumed()).isTrue();
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(server.cipherSuite()).isEqualTo(first.cipherSuite());
        assertThat(server.identity()).isEqualTo(full);
        assertThat(second.identity()).isEqualTo(first.identity());
        assertThat(serverWires.datagrams - before).as("ServerHello, ChangeCipherSpec and Finished").isEqualTo(1);
        second.sendApplicationData(new byte[] {8}, 0, 1);
        server.receive(clientWires.out.poll());
        assertThat(serverWires.delivered).hasSize(1);
    }
}
