package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;
import org.assure.core.model.ChannelState;
import org.assure.core.model.GenerateKeyType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawKeyHandshakeTest {
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final Events serverEvents = new Events();
    private final Events clientEvents = new Events();
    private Peers peers;

    @BeforeEach
    void start() throws Exception {
        peers = Peers.ipv4();
    }

    @AfterEach
    void stop() {
        peers.close();
    }

    @ParameterizedTest
    @CsvSource({"EC_P256, 49326", "RSA_2048, 49199"})
    void givenRawKeysBothWays_whenClientConnects_thenKeysAreCheckedAndNamed(GenerateKeyType type, int suite)
            throws Exception {
        OwnKey serverKey = Peers.ownKey(type);
        OwnKey clientKey = Peers.ownKey(type);
        DtlsEngine server = peers.server(Peers.fast(), new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, clientKey.keyId(), Peers.spki(clientKey))),
                serverEvents);
        InMemoryCredentials clientCredentials = new InMemoryCredentials(clientName).ownKey(clientKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(serverName, serverKey.keyId(), Peers.spki(serverKey)));
        DtlsEngine client = peers.client(Peers.fast(), clientEvents);

        DtlsSession session = client.connect(server.localAddress(), clientCredentials.clientFor(serverName)).get();
        DtlsSession accepted = Events.next(serverEvents.established);

        assertThat(session.cipherSuite()).isEqualTo(suite);
        assertThat(session.credentialType()).isEqualTo(CredentialType.RAW_PUBLIC_KEY);
        assertThat(session.keyId()).isEqualTo(serverKey.keyId());
        assertThat(session.peerName()).contains(serverName);
        assertThat(accepted.keyId()).isEqualTo(clientKey.keyId());
        assertThat(accepted.peerName()).contains(clientName);
        session.send(new byte[] {7});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(7);
    }

    @ParameterizedTest
    @CsvSource({"EC_P256", "RSA_2048"})
    void givenServerPresentsAnotherKey_whenClientChecksIt_thenAuthenticationFails(GenerateKeyType type)
            throws Exception {
        OwnKey serverKey = Peers.ownKey(type);
        OwnKey expectedKey = Peers.ownKey(type);
        OwnKey clientKey = Peers.ownKey(type);
        DtlsEngine server = peers.server(Peers.fast(), new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, clientKey.keyId(), Peers.spki(clientKey))),
                serverEvents);
        InMemoryCredentials clientCredentials = new InMemoryCredentials(clientName).ownKey(clientKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(serverName, expectedKey.keyId(), Peers.spki(expectedKey)));
        DtlsEngine client = peers.client(Peers.fast(), clientEvents);

        HandshakeFailure failure = PskHandshakeTest.failureOf(catchThrowable(
                () -> client.connect(server.localAddress(), clientCredentials.clientFor(serverName)).get()));

        assertThat(failure.cause()).isEqualTo(FailureCause.BAD_PEER_KEY);
        assertThat(failure.state()).isEqualTo(ChannelState.PEER_AUTHENTICATION_FAILED);
        assertThat(Events.next(serverEvents.failures).state()).isEqualTo(ChannelState.PEER_AUTHENTICATION_FAILED);
    }

    @ParameterizedTest
    @CsvSource({"EC_P256"})
    void givenClientPresentsAnUnknownKey_whenServerChecksIt_thenAuthenticationFails(GenerateKeyType type)
            throws Exception {
        OwnKey serverKey = Peers.ownKey(type);
        OwnKey registeredKey = Peers.ownKey(type);
        OwnKey clientKey = Peers.ownKey(type);
        DtlsEngine server = peers.server(Peers.fast(), new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, registeredKey.keyId(),
                        Peers.spki(registeredKey))), serverEvents);
        InMemoryCredentials clientCredentials = new InMemoryCredentials(clientName).ownKey(clientKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(serverName, serverKey.keyId(), Peers.spki(serverKey)));
        DtlsEngine client = peers.client(Peers.fast(), clientEvents);

        HandshakeFailure failure = PskHandshakeTest.failureOf(catchThrowable(
                () -> client.connect(server.localAddress(), clientCredentials.clientFor(serverName)).get()));

        assertThat(failure.state()).isEqualTo(ChannelState.PEER_AUTHENTICATION_FAILED);
        assertThat(failure.alert()).contains(new DtlsAlert(2, DtlsAlert.BAD_CERTIFICATE, true));
        HandshakeFailure serverSide = Events.next(serverEvents.failures);
        assertThat(serverSide.cause()).isEqualTo(FailureCause.BAD_PEER_KEY);
        assertThat(serverSide.state()).isEqualTo(ChannelState.PEER_AUTHENTICATION_FAILED);
    }

    @ParameterizedTest
    @CsvSource({"EC_P256"})
    void givenClientWithoutPeerName_whenItPresentsAKnownKey_thenServerIdentifiesItByTheKey(GenerateKeyType type)
            throws Exception {
        OwnKey serverKey = Peers.ownKey(type);
        OwnKey clientKey = Peers.ownKey(type);
        DtlsEngine server = peers.server(Peers.fast(), new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(clientName, clientKey.keyId(), Peers.spki(clientKey))),
                serverEvents);
        PeerKeyLookup expectedServer = spki -> spki.equals(Peers.spki(serverKey))
                ? java.util.Optional.of(new PeerKey(serverKey.keyId(), java.util.Optional.of(serverName)))
                : java.util.Optional.empty();
        ClientCredentials plain = new ClientCredentials(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(new RawKeyCredentials(clientKey, expectedServer)));
        DtlsEngine client = peers.client(Peers.fast(), clientEvents);

        DtlsSession session = client.connect(server.localAddress(), plain).get();
        DtlsSession accepted = Events.next(serverEvents.established);

        assertThat(session.peerName()).isEmpty();
        assertThat(session.peerId()).contains(serverName);
        assertThat(accepted.peerName()).isEmpty();
        assertThat(accepted.peerId()).contains(clientName);
        assertThat(accepted.keyId()).isEqualTo(clientKey.keyId());
    }
}
