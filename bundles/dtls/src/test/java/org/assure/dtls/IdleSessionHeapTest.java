package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Heap held per idle established session on a server, measured (not a regular test: run with
 * {@code -Ddtls.measure=true -Dtest=IdleSessionHeapTest}). Clients vanish without close_notify after their
 * handshake, so only the server's sessions remain.
 */
@EnabledIfSystemProperty(named = "dtls.measure", matches = "true")
class IdleSessionHeapTest {
    private static final int SESSIONS = Integer.getInteger("dtls.measure.sessions", 2000);

    @Test
    void measureHeapPerIdleServerSession() throws Exception {
        UUID serverName = UUID.randomUUID();
        UUID pskId = UUID.randomUUID();
        SecretBytes psk = Peers.secret();
        // One peer entry for all clients, which send no name: only the engine's own state grows per session.
        InMemoryCredentials credentials = new InMemoryCredentials(serverName).putSecret(pskId, psk)
                .putPeer(InMemoryCredentials.Peer.withPsk(UUID.randomUUID(), new PskHint.KeyIdHint(pskId)));
        Events serverEvents = new Events();
        try (Peers peers = Peers.ipv4()) {
            DtlsEngine server = peers.server(DtlsConfig.builder().sessionCacheSize(0).build(), credentials,
                    serverEvents);
            ClientCredentials plain = new ClientCredentials(java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.of(PskResolver.fixed(PskKey.of(pskId, psk))), java.util.Optional.empty());
            connectAndVanish(peers, server, credentials, plain, serverEvents, 50);
            long before = usedHeap();
            int sessionsBefore = server.stats().sessions();
            connectAndVanish(peers, server, credentials, plain, serverEvents, SESSIONS);
            long after = usedHeap();
            // An ephemeral port the OS hands out again replaces the older session from that address.
            int added = server.stats().sessions() - sessionsBefore;

            assertThat(added).isGreaterThan(SESSIONS / 2);
            long perSession = (after - before) / added;
            if (Boolean.getBoolean("dtls.measure.histogram")) {
                Process jcmd = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()),
                        "GC.class_histogram").redirectErrorStream(true).start();
                new String(jcmd.getInputStream().readAllBytes()).lines().limit(45).forEach(System.out::println);
            }
            System.out.println("BENCH dtls.idle_session_heap_bytes " + perSession + " (server side, PSK CCM_8, "
                    + added + " sessions)");
        }
    }

    private static void connectAndVanish(Peers peers, DtlsEngine server, InMemoryCredentials credentials,
            ClientCredentials client, Events events, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            TapTransport tap = peers.tap();
            try (DtlsEngine engine = DtlsEngine.builder(tap, org.assure.core.transport.ChannelKind.DATA)
                    .config(DtlsConfig.builder().workerThreads(1).maxConcurrentHandshakes(1).build()).start()) {
                DtlsSession session = engine.connect(server.localAddress(), client).get();
                // As a CoAP client would: a first request, which also tells the server its last flight arrived.
                session.send(new byte[] {1});
                Events.next(events.data);
                tap.muted = true;
            }
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
