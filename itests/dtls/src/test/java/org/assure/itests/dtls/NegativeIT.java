package org.assure.itests.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assure.core.model.Address;
import org.assure.core.model.ChannelState;
import org.assure.dtls.DtlsAlert;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsEngineStats;
import org.assure.dtls.DtlsHandshakeException;
import org.assure.dtls.DtlsServerCredentials;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.FailureCause;
import org.assure.dtls.HandshakeFailure;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.ServerCredentials;
import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What attackers and misconfigured peers get: the expected alert or silence, and no state left behind. */
class NegativeIT {
    private static final DtlsConfig SHORT = DtlsConfig.builder().handshakeTimeout(Duration.ofSeconds(3))
            .retransmissionInitial(Duration.ofMillis(300)).build();
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final Recorder serverEvents = new Recorder();
    private final Recorder clientEvents = new Recorder();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private DtlsEngine server(DtlsServerCredentials credentials) throws Exception {
        DtlsEngine engine = Fixtures.engine(SHORT, credentials, serverEvents, serverEvents);
        closing.add(engine);
        return engine;
    }

    private DtlsEngine client() throws Exception {
        DtlsEngine engine = Fixtures.engine(SHORT, null, clientEvents, clientEvents);
        closing.add(engine);
        return engine;
    }

    private ScandiumPeer scandiumClient(org.eclipse.californium.scandium.config.DtlsConnectorConfig config)
            throws Exception {
        ScandiumPeer peer = new ScandiumPeer(config);
        closing.add(peer);
        return peer;
    }

    /** No handshake, session or per-peer entry is left. */
    private static void assertNoState(DtlsEngine engine) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        DtlsEngineStats stats = engine.stats();
        while ((stats.peerStates() != 0 || stats.handshakes() != 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stats = engine.stats();
        }
        assertThat(stats.handshakes()).as("handshakes").isZero();
        assertThat(stats.sessions()).as("sessions").isZero();
        assertThat(stats.peerStates()).as("per-peer states").isZero();
    }

    @Test
    void wrongPskUnderAKnownIdentityGetsSilenceAndTimesOut() throws Exception {
        Fixtures.Psk psk = Fixtures.Psk.random();
        DtlsEngine server = server(Fixtures.serverKnowing(serverName, clientName, psk));
        ScandiumPeer scandium = scandiumClient(Fixtures.scandium(DtlsRole.CLIENT_ONLY)
                .setAsList(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CIPHER_SUITES,
                        CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAdvancedPskStore(new AdvancedSinglePskStore(psk.identity(), Fixtures.Psk.random().bytes()))
                .build());

        scandium.send(ScandiumInteropIT.socket(server), "ping".getBytes(StandardCharsets.US_ASCII));
        HandshakeFailure failure = serverEvents.nextFailure();

        // The client's Finished does not decrypt: dropped like any bad record (RFC 6347 §4.1.2.7), so the server
        // says nothing about the key; when the handshake times out BouncyCastle gives up with internal_error.
        assertThat(failure.cause()).isEqualTo(FailureCause.TIMEOUT);
        assertThat(failure.state()).isEqualTo(ChannelState.PEER_NO_ANSWER);
        assertThat(failure.alert().map(DtlsAlert::description).orElse(80)).as("internal_error or nothing")
                .isEqualTo(80);
        assertThat(server.stats().droppedRecords()).isPositive();
        assertThat(serverEvents.data).isEmpty();
        assertNoState(server);
    }

    @Test
    void unknownPskIdentityGetsDecryptError() throws Exception {
        Fixtures.Psk psk = Fixtures.Psk.random();
        Fixtures.Psk unknown = Fixtures.Psk.random();
        DtlsEngine server = server(Fixtures.serverKnowing(serverName, clientName, psk));
        ScandiumPeer scandium = scandiumClient(Fixtures.scandium(DtlsRole.CLIENT_ONLY)
                .setAsList(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CIPHER_SUITES,
                        CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAdvancedPskStore(new AdvancedSinglePskStore(unknown.identity(), unknown.bytes())).build());

        Throwable error = catchThrowable(() -> scandium.send(ScandiumInteropIT.socket(server),
                "ping".getBytes(StandardCharsets.US_ASCII)).get(20, TimeUnit.SECONDS));
        HandshakeFailure failure = serverEvents.nextFailure();

        assertThat(error).isInstanceOf(ExecutionException.class);
        assertThat(failure.cause()).isEqualTo(FailureCause.UNKNOWN_PSK_IDENTITY);
        assertThat(failure.alert()).contains(new DtlsAlert(2, DtlsAlert.DECRYPT_ERROR, false));
        assertNoState(server);
    }

    @Test
    void wrongRawKeyGetsBadCertificate() throws Exception {
        OwnKey serverKey = Fixtures.ecKey();
        OwnKey registered = Fixtures.ecKey();
        OwnKey presented = Fixtures.ecKey();
        DtlsEngine server = server(new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, registered.keyId(),
                        Fixtures.spki(registered.publicKey()))));
        ScandiumPeer scandium = scandiumClient(Fixtures.scandium(DtlsRole.CLIENT_ONLY)
                .setAsList(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CIPHER_SUITES,
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8)
                .setCertificateIdentityProvider(new SingleCertificateProvider(presented.privateKey(),
                        presented.publicKey()))
                .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                        .setTrustedRPKs(new RawPublicKeyIdentity(serverKey.publicKey())).build())
                .build());

        Throwable error = catchThrowable(() -> scandium.send(ScandiumInteropIT.socket(server),
                "ping".getBytes(StandardCharsets.US_ASCII)).get(20, TimeUnit.SECONDS));
        HandshakeFailure failure = serverEvents.nextFailure();

        assertThat(error).isInstanceOf(ExecutionException.class);
        assertThat(failure.cause()).isEqualTo(FailureCause.BAD_PEER_KEY);
        assertThat(failure.state()).isEqualTo(ChannelState.PEER_AUTHENTICATION_FAILED);
        assertThat(failure.alert()).contains(new DtlsAlert(2, DtlsAlert.BAD_CERTIFICATE, false));
        assertNoState(server);
    }

    @Test
    void unknownPeerNameIsRefusedBeforeAnyKeyOperation() throws Exception {
        Fixtures.Psk psk = Fixtures.Psk.random();
        InMemoryCredentials known = Fixtures.serverKnowing(serverName, clientName, psk);
        AtomicInteger keyLookups = new AtomicInteger();
        DtlsServerCredentials counting = (peer, name) -> known.select(peer, name).map(c -> new ServerCredentials(
                c.serverName(), c.psk().map(offer -> new org.assure.dtls.PskOffer(offer.hint(), id -> {
                    keyLookups.incrementAndGet();
                    return offer.keys().find(id);
                })), c.rawKey()));
        DtlsEngine server = server(counting);
        UUID stranger = UUID.randomUUID();
        InMemoryCredentials strangerCredentials = new InMemoryCredentials(stranger).putSecret(psk.keyId(),
                psk.secret()).putPeer(new InMemoryCredentials.Peer(serverName, Optional.empty(), java.util.Map.of()));

        Throwable error = catchThrowable(() -> client().connect(server.localAddress(),
                strangerCredentials.clientFor(serverName)).get(20, TimeUnit.SECONDS));
        HandshakeFailure serverSide = serverEvents.nextFailure();

        assertThat(error).hasCauseInstanceOf(DtlsHandshakeException.class);
        HandshakeFailure clientSide = ((DtlsHandshakeException) error.getCause()).failure();
        assertThat(clientSide.cause()).isEqualTo(FailureCause.REFUSED_BY_PEER);
        assertThat(clientSide.alert()).contains(new DtlsAlert(2, DtlsAlert.ACCESS_DENIED, true));
        assertThat(serverSide.cause()).isEqualTo(FailureCause.UNKNOWN_PEER_NAME);
        assertThat(serverSide.peerName()).contains(stranger);
        assertThat(keyLookups).hasValue(0);
        assertNoState(server);
    }

    @Test
    void garbledAndReplayedRecordsAreDroppedAndTheSessionGoesOn() throws Exception {
        Fixtures.Psk psk = Fixtures.Psk.random();
        DtlsEngine server = server(Fixtures.serverKnowing(serverName, clientName, psk));
        Relay relay = new Relay(ScandiumInteropIT.socket(server));
        closing.add(relay);
        InMemoryCredentials credentials = new InMemoryCredentials(clientName).putSecret(psk.keyId(), psk.secret())
                .putPeer(new InMemoryCredentials.Peer(serverName, Optional.empty(), java.util.Map.of()));
        DtlsSession session = client().connect(ScandiumInteropIT.address(relay.address()),
                credentials.clientFor(serverName)).get(20, TimeUnit.SECONDS);
        DtlsSession accepted = serverEvents.nextEstablished();

        session.send("one".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(Recorder.next(serverEvents.data).bytes(), StandardCharsets.US_ASCII)).isEqualTo("one");
        byte[] record = relay.lastFromClient();
        long droppedBefore = server.stats().droppedRecords();

        relay.inject(record); // replay: the replay window discards it before any decryption
        byte[] garbled = record.clone();
        garbled[10] += 100; // a fresh sequence number, so it gets past the replay window...
        garbled[garbled.length - 1] ^= 0x5A; // ...and fails the CCM_8 tag
        relay.inject(garbled);
        byte[] truncated = java.util.Arrays.copyOf(record, 20); // header claims more than is there
        truncated[10] += 101;
        relay.inject(truncated);
        byte[] noise = new byte[64];
        Fixtures.RANDOM.nextBytes(noise);
        relay.inject(noise);
        session.send("two".getBytes(StandardCharsets.US_ASCII));

        assertThat(new String(Recorder.next(serverEvents.data).bytes(), StandardCharsets.US_ASCII)).isEqualTo("two");
        assertThat(serverEvents.data.poll(300, TimeUnit.MILLISECONDS)).as("nothing delivered twice").isNull();
        assertThat(server.stats().droppedRecords()).isGreaterThan(droppedBefore);
        assertThat(accepted.isOpen()).isTrue();
        assertThat(session.isOpen()).isTrue();
        assertThat(serverEvents.closed).isEmpty();
    }

    @Test
    void floodOfClientHellosWithoutCookiesLeavesNoPerPeerState() throws Exception {
        Fixtures.Psk psk = Fixtures.Psk.random();
        DtlsEngine server = server(Fixtures.serverKnowing(serverName, clientName, psk));
        InetSocketAddress target = ScandiumInteropIT.socket(server);
        long verifyBefore = server.stats().helloVerifyRequests();
        int sockets = 20;
        int perSocket = 100;
        int answered = 0;
        List<DatagramSocket> flooders = new ArrayList<>();
        try {
            for (int s = 0; s < sockets; s++) {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Fixtures.LOOPBACK, 0));
                socket.setSoTimeout(200);
                flooders.add(socket);
            }
            byte[] buffer = new byte[2048];
            // Paced in rounds (one ClientHello per socket, then the answers) so that no socket buffer overflows
            // and every ClientHello is accounted for.
            for (int i = 0; i < perSocket; i++) {
                for (DatagramSocket socket : flooders) {
                    byte[] hello = clientHello(i);
                    socket.send(new DatagramPacket(hello, hello.length, target));
                }
                for (DatagramSocket socket : flooders) {
                    try {
                        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                        socket.receive(reply);
                        // a handshake record whose message is a HelloVerifyRequest (3)
                        if (buffer[0] == 22 && reply.getLength() > 13 && buffer[13] == 3) {
                            answered++;
                        }
                    } catch (SocketTimeoutException e) {
                        // lost: counted by the assertion below
                    }
                }
            }
        } finally {
            flooders.forEach(DatagramSocket::close);
        }

        // The engine counts a HelloVerifyRequest after sending it, so the last few may still be in flight; on a
        // loaded machine the kernel may also drop a datagram. Every answer received was counted, none invented.
        long total = (long) sockets * perSocket;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (server.stats().helloVerifyRequests() - verifyBefore < total && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        DtlsEngineStats stats = server.stats();
        assertThat(stats.helloVerifyRequests() - verifyBefore).isBetween((long) answered, total);
        // Every ClientHello was answered statelessly; a few answers may miss the flooder's short receive timeout.
        assertThat(answered).as("HelloVerifyRequests received").isGreaterThan(sockets * perSocket * 9 / 10);
        assertNoState(server);
        // The server still serves a real client afterwards.
        InMemoryCredentials credentials = new InMemoryCredentials(clientName).putSecret(psk.keyId(), psk.secret())
                .putPeer(new InMemoryCredentials.Peer(serverName, Optional.empty(), java.util.Map.of()));
        Address address = server.localAddress();
        assertThat(client().connect(address, credentials.clientFor(serverName)).get(20, TimeUnit.SECONDS).isOpen())
                .isTrue();
    }

    /** A well-formed DTLS 1.2 ClientHello without a cookie (PSK CCM_8, extended master secret). */
    static byte[] clientHello(int sequence) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0xFE);
        body.write(0xFD);
        byte[] random = new byte[32];
        Fixtures.RANDOM.nextBytes(random);
        body.writeBytes(random);
        body.write(0); // session id
        body.write(0); // cookie
        body.writeBytes(new byte[] {0, 2, (byte) 0xC0, (byte) 0xA8});
        body.writeBytes(new byte[] {1, 0}); // null compression
        body.writeBytes(new byte[] {0, 4, 0, 0x17, 0, 0}); // extended_master_secret
        byte[] hello = body.toByteArray();
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(1);
        handshake.writeBytes(u24(hello.length));
        handshake.writeBytes(new byte[] {0, 0}); // message_seq
        handshake.writeBytes(u24(0));
        handshake.writeBytes(u24(hello.length));
        handshake.writeBytes(hello);
        byte[] fragment = handshake.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0,
                (byte) (sequence >> 8), (byte) sequence});
        record.write(fragment.length >> 8);
        record.write(fragment.length);
        record.writeBytes(fragment);
        return record.toByteArray();
    }

    private static byte[] u24(int value) {
        return new byte[] {(byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }
}
