package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.Test;

class PskHandshakeTest {
    private final UUID serverName = UUID.randomUUID();
    private final UUID clientName = UUID.randomUUID();
    private final UUID pskId = UUID.randomUUID();
    private final SecretBytes psk = Peers.secret();

    @Test
    void givenKeyIdHint_whenClientConnects_thenBothSidesSeePeerNamesKeyAndData() throws Exception {
        try (Peers peers = Peers.ipv4()) {
            Events serverEvents = new Events();
            Events clientEvents = new Events();
            InMemoryCredentials serverCredentials = new InMemoryCredentials(serverName).putSecret(pskId, psk)
                    .putPeer(InMemoryCredentials.Peer.withPsk(clientName, new PskHint.KeyIdHint(pskId)));
            InMemoryCredentials clientCredentials = new InMemoryCredentials(clientName).putSecret(pskId, psk)
                    .putPeer(InMemoryCredentials.Peer.withPsk(serverName, new PskHint.KeyIdHint(pskId)));
            DtlsEngine server = peers.server(Peers.fast(), serverCredentials, serverEvents);
            DtlsEngine client = peers.client(Peers.fast(), clientEvents);

            DtlsSession session = client.connect(server.localAddress(), clientCredentials.clientFor(serverName))
                    .get();
            DtlsSession accepted = Events.next(serverEvents.established);

            assertThat(session.peerName()).contains(serverName);
            assertThat(session.keyId()).isEqualTo(pskId);
            assertThat(session.cipherSuite()).isEqualTo(0xC0A8);
            assertThat(accepted.peerName()).contains(clientName);
            assertThat(accepted.peerId()).contains(clientName);
            assertThat(accepted.keyId()).isEqualTo(pskId);
            assertThat(accepted.credentialType()).isEqualTo(CredentialType.PSK);

            session.send(new byte[] {1, 2, 3});
            assertThat(Events.next(serverEvents.data).bytes()).containsExactly(1, 2, 3);
            accepted.send(new byte[] {4, 5});
            assertThat(Events.next(clientEvents.data).bytes()).containsExactly(4, 5);
        }
    }
}
