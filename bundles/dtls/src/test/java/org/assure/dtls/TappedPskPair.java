package org.assure.dtls;

import java.util.UUID;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A PSK server and client on IPv4 loopback whose datagrams pass through taps, so a test can watch, lose or
 * replay records; each test gets a fresh pair.
 */
abstract class TappedPskPair {
    protected final UUID serverName = UUID.randomUUID();
    protected final UUID clientName = UUID.randomUUID();
    protected final UUID pskId = UUID.randomUUID();
    protected final SecretBytes psk = Peers.secret();
    protected final Events serverEvents = new Events();
    protected final Events clientEvents = new Events();
    protected Peers peers;
    protected TapTransport clientTap;
    protected TapTransport serverTap;
    protected DtlsEngine server;
    protected DtlsEngine client;

    @BeforeEach
    void startPair() throws Exception {
        peers = Peers.ipv4();
        clientTap = peers.tap();
        serverTap = peers.tap();
        server = peers.server(serverTap, Peers.fast(), new InMemoryCredentials(serverName).putSecret(pskId, psk)
                .putPeer(InMemoryCredentials.Peer.withPsk(clientName, new PskHint.KeyIdHint(pskId))), serverEvents);
        client = peers.client(clientTap, Peers.fast(), clientEvents);
    }

    @AfterEach
    void stopPair() {
        peers.close();
    }

    /** Connects the client and waits until the server reports the session established. */
    protected DtlsSession connect() throws Exception {
        DtlsSession session = client.connect(server.localAddress(),
                ClientCredentials.psk(clientName, serverName, PskResolver.fixed(PskKey.of(pskId, psk)))).get();
        Events.next(serverEvents.established);
        return session;
    }
}
