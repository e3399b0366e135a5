package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.Events;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.Peers;
import org.assure.dtls.PskKey;
import org.assure.dtls.PskResolver;
import org.assure.dtls.TapTransport;
import org.junit.jupiter.api.Test;

class RenegotiationTest {
    @Test
    void givenEstablishedSession_whenClientSendsAnEncryptedClientHello_thenServerAnswersWithAnAlertAndGoesOn()
            throws Exception {
        UUID serverName = UUID.randomUUID();
        UUID clientName = UUID.randomUUID();
        UUID pskId = UUID.randomUUID();
        SecretBytes psk = Peers.secret();
        Events serverEvents = new Events();
        Events clientEvents = new Events();
        try (Peers peers = Peers.ipv4()) {
            TapTransport serverTap = peers.tap();
            DtlsEngine server = peers.server(serverTap, Peers.fast(), new InMemoryCredentials(serverName)
                    .putSecret(pskId, psk)
                    .putPeer(InMemoryCredentials.Peer.withPsk(clientName, new PskHint.KeyIdHint(pskId))), serverEvents);
            DtlsEngine client = peers.client(Peers.fast(), clientEvents);
            DtlsSession session = client.connect(server.localAddress(),
                    ClientCredentials.psk(clientName, serverName, PskResolver.fixed(PskKey.of(pskId, psk)))).get();
            Events.next(serverEvents.established);
            session.send(new byte[] {1});
            Events.next(serverEvents.data);
            int alertsBefore = alertsSent(serverTap);

            // The client never renegotiates by itself: write a ClientHello into an epoch-1 handshake record.
            ((Connection) session).sendOwnRecord(22,
                    new byte[] {1, 0, 0, 4, 0, 5, 0, 0, 0, 0, 0, 4, (byte) 0xFE, (byte) 0xFD, 0, 0});
            session.send(new byte[] {2});

            assertThat(Events.next(serverEvents.data).bytes()).containsExactly(2);
            assertThat(alertsSent(serverTap)).isEqualTo(alertsBefore + 1);
            assertThat(session.isOpen()).isTrue();
            assertThat(serverEvents.closed).isEmpty();
        }
    }

    private static int alertsSent(TapTransport tap) {
        return (int) tap.sent.stream().filter(s -> s.contentType() == 21 && s.epoch() == 1).count();
    }
}
