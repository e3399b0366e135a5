package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final UUID pskId = UUID.randomUUID();
    private final SecretBytes psk = Peers.secret();
    private final Events serverEvents = new Events();
    private final Events clientEvents = new Events();
    private Peers peers;

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    private InMemoryCredentials serverCredentials() {
        return new InMemoryCredentials(serverName).putSecret(pskId, psk)
                .putPeer(InMemoryCredentials.Peer.withPsk(clientName, new PskHint.KeyIdHint(pskId)));
    }

    private ClientCredentials clientCredentials() {
        return ClientCredentials.psk(clientName, serverName, PskResolver.fixed(PskKey.of(pskId, psk)));
    }

    @Test
    void givenAClosedSession_whenClientReconnects_thenSessionIsResumedWithBothPeerNames() throws Exception {
        peers = Peers.ipv4();
        DtlsEngine server = peers.server(Peers.fast(), serverCredentials(), serverEvents);
        DtlsEngine client = peers.client(Peers.fast(), clientEvents);
        DtlsSession first = client.connect(server.localAddress(), clientCredentials()).get();
        Events.next(serverEvents.established);
        first.close();
        assertThat(Events.next(serverEvents.closed).reason()).isEqualTo(CloseReason.PEER_CLOSED);

        DtlsSession second = client.connect(server.localAddress(), clientCredentials()).get();
        DtlsSession accepted = Events.next(serverEvents.established);

        assertThat(second.resumed()).isTrue();
        assertThat(accepted.resumed()).isTrue();
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(second.peerName()).contains(serverName);
        assertThat(accepted.peerName()).contains(clientName);
        assertThat(accepted.keyId()).isEqualTo(pskId);
        second.send(new byte[] {42});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(42);
    }

    @Test
    void givenSessionClosedByClient_thenServerHearsCloseNotifyAndForgetsThePeer() throws Exception {
        peers = Peers.ipv4();
        DtlsEngine server = peers.server(Peers.fast(), serverCredentials(), serverEvents);
        DtlsEngine client = peers.client(Peers.fast(), clientEvents);
        DtlsSession session = client.connect(server.localAddress(), clientCredentials()).get();
        Events.next(serverEvents.established);

        session.close();

        assertThat(Events.next(clientEvents.closed).reason()).isEqualTo(CloseReason.LOCAL);
        assertThat(Events.next(serverEvents.closed).reason()).isEqualTo(CloseReason.PEER_CLOSED);
        assertThat(session.isOpen()).isFalse();
        assertThat(server.stats().peerStates()).isZero();
        assertThat(client.stats().sessions()).isZero();
    }

    @Test
    void givenAnOpenSession_whenClientConnectsAgain_thenBothEndsReplaceItWithoutAnOldEpochRecordOnTheWire()
            throws Exception {
        peers = Peers.ipv4();
        DtlsEngine server = peers.server(Peers.fast(), serverCredentials(), serverEvents);
        DtlsEngine client = peers.client(Peers.fast(), clientEvents);
        DtlsSession first = client.connect(server.localAddress(), clientCredentials()).get();
        DtlsSession acceptedFirst = Events.next(serverEvents.established);
        first.send(new byte[] {1});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(1);

        DtlsSession second = client.connect(server.localAddress(), clientCredentials()).get(20, TimeUnit.SECONDS);
        Events.next(serverEvents.established);
        second.send(new byte[] {2});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(2);

        // The new ClientHello replaced the old session at the server (RFC 6347 §4.2.8); a close_notify in the old
        // epoch would only have reached a peer without its keys, and its answer would have come back the same way.
        assertThat(Events.next(clientEvents.closed)).isEqualTo(new Events.Closed(first, CloseReason.REPLACED));
        assertThat(Events.next(serverEvents.closed)).isEqualTo(new Events.Closed(acceptedFirst, CloseReason.REPLACED));
        assertThat(first.isOpen()).isFalse();
        assertThat(client.stats().droppedRecords()).isZero();
        assertThat(server.stats().droppedRecords()).isZero();
        assertThat(server.stats().sessions()).isEqualTo(1);
    }

    @Test
    void givenIpv6Loopback_whenClientConnects_thenDataFlowsBothWays() throws Exception {
        peers = Peers.ipv6();
        DtlsEngine server = peers.server(Peers.fast(), serverCredentials(), serverEvents);
        DtlsEngine client = peers.client(Peers.fast(), clientEvents);

        DtlsSession session = client.connect(server.localAddress(), clientCredentials()).get();
        DtlsSession accepted = Events.next(serverEvents.established);

        assertThat(((org.assure.core.model.IpAddress) accepted.peerAddress()).remoteAddress().length()).isEqualTo(16);
        session.send(new byte[] {1});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(1);
        accepted.send(new byte[] {2});
        assertThat(Events.next(clientEvents.data).bytes()).containsExactly(2);
    }

    @Test
    void givenHeartbeats_whenSessionIdlesLongerThanTheInterval_thenItStaysOpenAndHeartbeatsFlow() throws Exception {
        peers = Peers.ipv4();
        DtlsConfig heartbeat = DtlsConfig.builder().handshakeTimeout(Duration.ofSeconds(10))
                .retransmissionInitial(Duration.ofMillis(200)).heartbeatInterval(Duration.ofMillis(100))
                .heartbeatTimeout(Duration.ofMillis(800)).idleTimeout(Duration.ofMillis(1500)).build();
        TapTransport clientTap = peers.tap();
        TapTransport serverTap = peers.tap();
        DtlsEngine server = peers.server(serverTap, heartbeat, serverCredentials(), serverEvents);
        DtlsEngine client = peers.client(clientTap, heartbeat, clientEvents);
        DtlsSession session = client.connect(server.localAddress(), clientCredentials()).get();
        Events.next(serverEvents.established);

        // Three idle timeouts long without application data: only heartbeats keep the sessions alive.
        assertThat(clientEvents.closed.poll(4500, TimeUnit.MILLISECONDS)).isNull();

        assertThat(serverEvents.closed).isEmpty();
        assertThat(session.isOpen()).isTrue();
        assertThat(clientTap.sent.stream().filter(s -> s.contentType() == 24).count()).isGreaterThanOrEqualTo(10);
        assertThat(serverTap.sent.stream().filter(s -> s.contentType() == 24).count()).isGreaterThanOrEqualTo(10);
        session.send(new byte[] {3});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(3);
    }

    @Test
    void givenIdleTimeout_whenPeerSendsNothing_thenSessionClosesAsIdle() throws Exception {
        peers = Peers.ipv4();
        DtlsConfig idle = DtlsConfig.builder().handshakeTimeout(Duration.ofSeconds(10))
                .retransmissionInitial(Duration.ofMillis(200)).idleTimeout(Duration.ofMillis(300)).build();
        DtlsEngine server = peers.server(idle, serverCredentials(), serverEvents);
        DtlsEngine client = peers.client(Peers.fast(), clientEvents);
        client.connect(server.localAddress(), clientCredentials()).get();

        assertThat(Events.next(serverEvents.closed).reason()).isEqualTo(CloseReason.IDLE_TIMEOUT);
        assertThat(Events.next(clientEvents.closed).reason()).isEqualTo(CloseReason.PEER_CLOSED);
    }
}
