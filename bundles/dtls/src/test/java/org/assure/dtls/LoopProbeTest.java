package org.assure.dtls;

import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "dtls.probe", matches = "true")
class LoopProbeTest {
    @Test
    void loop() throws Exception {
        UUID keyId = UUID.randomUUID();
        SecretBytes secret = Peers.secret();
        InMemoryCredentials server = new InMemoryCredentials(UUID.randomUUID()).putSecret(keyId, secret)
                .putPeer(InMemoryCredentials.Peer.withPsk(UUID.randomUUID(), new PskHint.KeyIdHint(keyId)));
        ClientCredentials plain = new ClientCredentials(Optional.empty(), Optional.empty(),
                Optional.of(PskResolver.fixed(PskKey.of(keyId, secret))), Optional.empty());
        DtlsConfig config = DtlsConfig.builder().sessionCacheSize(0).build();
        try (Peers peers = Peers.ipv4()) {
            Events se = new Events();
            DtlsEngine s = peers.server(config, server, se);
            DtlsEngine c = peers.client(config, new Events());
            for (int i = 0; i < 40; i++) {
                long t0 = System.nanoTime();
                DtlsSession session = c.connect(s.localAddress(), plain).get();
                session.send(new byte[] {1});
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > 20) {
                    System.out.println("PROBE slow handshake " + i + ": " + ms + " ms");
                }
            }
            System.out.println("PROBE server " + s.stats() + " client " + c.stats());
            long t0 = System.nanoTime();
            for (int i = 0; i < Integer.getInteger("dtls.probe.count", 1000); i++) {
                DtlsSession session = c.connect(s.localAddress(), plain).get();
                session.send(new byte[] {1});
            }
            System.out.println("PROBE 1000 handshakes: " + (System.nanoTime() - t0) / 1_000_000 + " ms " + s.stats());
        }
    }
}
