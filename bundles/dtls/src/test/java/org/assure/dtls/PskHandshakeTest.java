package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.assure.core.model.ChannelState;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivationReference;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PskHandshakeTest {
    private static final SecureRandom RANDOM = Peers.RANDOM;
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final UUID pskId = UUID.randomUUID();
    private final SecretBytes psk = Peers.secret();
    private final Events serverEvents = new Events();
    private final Events clientEvents = new Events();
    private Peers peers;
    private DtlsEngine client;

    @BeforeEach
    void startClient() throws Exception {
        peers = Peers.ipv4();
        client = peers.client(Peers.fast(), clientEvents);
    }

    @AfterEach
    void stop() {
        peers.close();
    }

    private DtlsEngine server(InMemoryCredentials credentials) throws Exception {
        return peers.server(Peers.fast(), credentials, serverEvents);
    }

    private InMemoryCredentials serverKnowing(PskHint hint, UUID keyId, SecretBytes secret) {
        return new InMemoryCredentials(serverName).putSecret(keyId, secret)
                .putPeer(InMemoryCredentials.Peer.withPsk(clientName, hint));
    }

    private InMemoryCredentials clientExpectingAnyKey() {
        return new InMemoryCredentials(clientName)
                .putPeer(new InMemoryCredentials.Peer(serverName, Optional.empty(), Map.of()));
    }

    @Test
    void givenKeyIdHint_whenClientConnects_thenBothSidesSeePeerNamesKeyAndData() throws Exception {
        DtlsEngine server = server(serverKnowing(new PskHint.KeyIdHint(pskId), pskId, psk));
        InMemoryCredentials clientCredentials = clientExpectingAnyKey().putSecret(pskId, psk);

        DtlsSession session = client.connect(server.localAddress(), clientCredentials.clientFor(serverName)).get();
        DtlsSession accepted = Events.next(serverEvents.established);

        assertThat(session.peerName()).contains(serverName);
        assertThat(session.keyId()).isEqualTo(pskId);
        assertThat(session.cipherSuite()).isEqualTo(0xC0A8);
        assertThat(session.role()).isEqualTo(DtlsRole.CLIENT);
        assertThat(session.resumed()).isFalse();
        assertThat(accepted.peerName()).contains(clientName);
        assertThat(accepted.peerId()).contains(clientName);
        assertThat(accepted.keyId()).isEqualTo(pskId);
        assertThat(accepted.credentialType()).isEqualTo(CredentialType.PSK);
        assertThat(accepted.sessionId()).isEqualTo(session.sessionId());
        assertThat(accepted.epoch()).isEqualTo(1);

        session.send(new byte[] {1, 2, 3});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(1, 2, 3);
        accepted.send(new byte[] {4, 5});
        assertThat(Events.next(clientEvents.data).bytes()).containsExactly(4, 5);
    }

    @Test
    void givenKeyDefinitionHint_whenClientHoldsTheReferenceSecret_thenItDerivesThePsk() throws Exception {
        UUID deviceKey = UUID.randomUUID();
        SecretBytes deviceSecret = Peers.secret();
        DerivedSecretKey derived = DerivedSecrets.create(pskId, psk,
                List.of(new DerivationReference.Secret(deviceKey, deviceSecret, 1000)), RANDOM);
        DtlsEngine server = server(serverKnowing(new PskHint.KeyDefinitionHint(derived), pskId, psk));
        InMemoryCredentials clientCredentials = clientExpectingAnyKey()
                .putTrustedKey(TrustedKey.secretAnchor(deviceKey, IdentityClass.DEVICE, deviceSecret));

        DtlsSession session = client.connect(server.localAddress(), clientCredentials.clientFor(serverName)).get();

        assertThat(session.keyId()).isEqualTo(pskId);
        assertThat(Events.next(serverEvents.established).keyId()).isEqualTo(pskId);
    }

    @Test
    void givenBootstrapChainHint_whenClientHoldsOnlyTheDeviceSecret_thenItDerivesThroughTwoSecrets() throws Exception {
        UUID deviceKey = UUID.randomUUID();
        SecretBytes deviceSecret = Peers.secret();
        UUID middleId = UUID.randomUUID();
        SecretBytes middleSecret = Peers.secret();
        DerivedSecretKey middle = DerivedSecrets.create(middleId, middleSecret,
                List.of(new DerivationReference.Secret(deviceKey, deviceSecret, 1000)), RANDOM);
        DerivedSecretKey bootstrap = DerivedSecrets.create(pskId, psk,
                List.of(new DerivationReference.Secret(middleId, middleSecret, 1000)), RANDOM);
        DtlsEngine server = server(serverKnowing(new PskHint.KeyChainHint(List.of(middle, bootstrap)), pskId, psk));
        InMemoryCredentials clientCredentials = clientExpectingAnyKey()
                .putTrustedKey(TrustedKey.secretAnchor(deviceKey, IdentityClass.DEVICE, deviceSecret));

        DtlsSession session = client.connect(server.localAddress(), clientCredentials.clientFor(serverName)).get();

        assertThat(session.keyId()).isEqualTo(pskId);
        session.send(new byte[] {9});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(9);
    }

    @Test
    void givenClientWithoutPeerName_whenItConnects_thenServerIdentifiesItByPskIdentity() throws Exception {
        DtlsEngine server = server(serverKnowing(new PskHint.KeyIdHint(pskId), pskId, psk));
        ClientCredentials plain = new ClientCredentials(Optional.empty(), Optional.empty(),
                Optional.of(PskResolver.fixed(PskKey.of(pskId, psk))), Optional.empty());

        DtlsSession session = client.connect(server.localAddress(), plain).get();
        DtlsSession accepted = Events.next(serverEvents.established);

        assertThat(session.peerName()).isEmpty();
        assertThat(accepted.peerName()).isEmpty();
        assertThat(accepted.peerId()).contains(clientName);
        assertThat(accepted.keyId()).isEqualTo(pskId);
    }

    @Test
    void givenWrongPsk_whenClientConnects_thenHandshakeTimesOutOrFailsAuthentication() throws Exception {
        DtlsEngine server = server(serverKnowing(new PskHint.KeyIdHint(pskId), pskId, psk));
        InMemoryCredentials clientCredentials = clientExpectingAnyKey().putSecret(pskId, Peers.secret());
        DtlsEngine quick = peers.client(DtlsConfig.builder().handshakeTimeout(java.time.Duration.ofSeconds(3))
                .retransmissionInitial(java.time.Duration.ofMillis(200)).build(), clientEvents);

        Throwable failure = catchThrowable(() -> quick.connect(server.localAddress(),
                clientCredentials.clientFor(serverName)).get());

        HandshakeFailure reported = failureOf(failure);
        assertThat(reported.state()).isIn(ChannelState.PEER_NO_ANSWER, ChannelState.PEER_AUTHENTICATION_FAILED);
        assertThat(Events.next(clientEvents.failures)).isEqualTo(reported);
        assertThat(Events.next(serverEvents.failures).state())
                .isIn(ChannelState.PEER_NO_ANSWER, ChannelState.PEER_AUTHENTICATION_FAILED);
        assertThat(server.stats().peerStates()).isZero();
    }

    @Test
    void givenUnknownPskIdentity_whenClientConnects_thenServerAnswersDecryptErrorNotUnknownIdentity() throws Exception {
        DtlsEngine server = server(serverKnowing(new PskHint.KeyIdHint(pskId), pskId, psk));
        ClientCredentials stranger = new ClientCredentials(Optional.empty(), Optional.empty(),
                Optional.of(PskResolver.fixed(PskKey.of(UUID.randomUUID(), psk))), Optional.empty());

        HandshakeFailure failure = failureOf(catchThrowable(() -> client.connect(server.localAddress(), stranger).get()));

        assertThat(failure.alert()).contains(new DtlsAlert(2, DtlsAlert.DECRYPT_ERROR, true));
        assertThat(failure.state()).isEqualTo(ChannelState.PEER_AUTHENTICATION_FAILED);
        HandshakeFailure serverSide = Events.next(serverEvents.failures);
        assertThat(serverSide.cause()).isEqualTo(FailureCause.UNKNOWN_PSK_IDENTITY);
        assertThat(serverSide.state()).isEqualTo(ChannelState.PEER_WRONG_KEY_ID);
    }

    @Test
    void givenUnknownPeerName_whenClientConnects_thenServerRefusesWithAccessDenied() throws Exception {
        DtlsEngine server = server(serverKnowing(new PskHint.KeyIdHint(pskId), pskId, psk));
        ClientCredentials unknown = ClientCredentials.psk(UUID.randomUUID(), serverName,
                PskResolver.fixed(PskKey.of(pskId, psk)));

        HandshakeFailure failure = failureOf(catchThrowable(() -> client.connect(server.localAddress(), unknown).get()));

        assertThat(failure.cause()).isEqualTo(FailureCause.REFUSED_BY_PEER);
        assertThat(failure.state()).isEqualTo(ChannelState.PEER_WRONG_KEY_ID);
        assertThat(failure.alert()).contains(new DtlsAlert(2, DtlsAlert.ACCESS_DENIED, true));
        HandshakeFailure serverSide = Events.next(serverEvents.failures);
        assertThat(serverSide.cause()).isEqualTo(FailureCause.UNKNOWN_PEER_NAME);
        assertThat(serverSide.state()).isEqualTo(ChannelState.PEER_WRONG_KEY_ID);
    }

    @Test
    void givenServerWithAnotherName_whenClientExpectsItsServer_thenClientAborts() throws Exception {
        DtlsEngine server = server(serverKnowing(new PskHint.KeyIdHint(pskId), pskId, psk));
        ClientCredentials expectingOther = ClientCredentials.psk(clientName, UUID.randomUUID(),
                PskResolver.fixed(PskKey.of(pskId, psk)));

        HandshakeFailure failure = failureOf(
                catchThrowable(() -> client.connect(server.localAddress(), expectingOther).get()));

        assertThat(failure.cause()).isEqualTo(FailureCause.UNEXPECTED_PEER_NAME);
        assertThat(failure.state()).isEqualTo(ChannelState.PEER_WRONG_KEY_ID);
        assertThat(failure.peerName()).isEmpty();
        assertThat(Events.next(serverEvents.failures).cause()).isEqualTo(FailureCause.REFUSED_BY_PEER);
    }

    @Test
    void givenClientWithoutPeerName_whenServerKnowsNoSuchIdentity_thenNoStateRemains() throws Exception {
        DtlsEngine server = server(new InMemoryCredentials(serverName));
        ClientCredentials plain = new ClientCredentials(Optional.empty(), Optional.empty(),
                Optional.of(PskResolver.fixed(PskKey.of(pskId, psk))), Optional.empty());

        HandshakeFailure failure = failureOf(catchThrowable(() -> client.connect(server.localAddress(), plain).get()));

        assertThat(failure.cause()).isEqualTo(FailureCause.REFUSED_BY_PEER);
        assertThat(Events.next(serverEvents.failures).cause()).isEqualTo(FailureCause.UNKNOWN_PEER_NAME);
        assertThat(server.stats().peerStates()).isZero();
        assertThat(client.stats().peerStates()).isZero();
    }

    static HandshakeFailure failureOf(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DtlsHandshakeException.class);
        return ((DtlsHandshakeException) thrown.getCause()).failure();
    }
}
