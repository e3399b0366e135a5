package org.assure.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.assure.authority.internal.coap.CoapServers;
import org.assure.authority.internal.mgmt.BootstrapImages;
import org.assure.authority.internal.ta.TestWorld;
import org.assure.authority.internal.ta.TrustedAuthority;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.PskKey;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Bootstrap storm: many simulated shared-secret devices in one JVM fetch their images from one authority over
 * real DTLS on loopback (PNI + PSK through the derivation-chain hint), each with its own full handshake. Runs
 * only with {@code -Dassure.bench.storm=<devices>} (e.g. 10000); {@code -Dassure.bench.workers} sets the
 * concurrent clients (default 32). Prints BENCH lines: devices/s, p50/p99 latency, failures.
 */
@EnabledIfSystemProperty(named = "assure.bench.storm", matches = "\\d+")
class BootstrapStormBenchmark {
    record Sim(UUID id, SecretBytes secret) {
    }

    /** Storm clients: patient, like real devices (default 1 s initial retransmission, 60 s handshake timeout). */
    private static final org.assure.dtls.DtlsConfig CLIENT = org.assure.dtls.DtlsConfig.builder()
            .handshakeTimeout(java.time.Duration.ofSeconds(60)).build();
    private static final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> REASONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static void reason(String r) {
        REASONS.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void storm() throws Exception {
        int devices = Integer.getInteger("assure.bench.storm");
        int workers = Integer.getInteger("assure.bench.workers", 32);
        try (TestWorld w = new TestWorld(org.assure.authority.internal.store.Dialect.H2)) {
            TrustedAuthority ta = w.ta;
            TestWorld.Owner owner = w.owner();
            BootstrapPayload payload = new BootstrapPayload(List.of(Bytes.fromHex("4203000112b27631")));
            List<Sim> sims = new ArrayList<>();
            ExecutorService setup = Executors.newFixedThreadPool(4);
            List<Future<Sim>> made = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                made.add(setup.submit(() -> {
                    TestWorld.Device d = w.upload(w.secretDevice());
                    ta.changeOwner(owner.mgmtId(), d.id, Optional.of(d.caseString), Optional.empty());
                    ta.putBootstrap(owner.mgmtId(), d.id,
                            BootstrapImages.build(ta.configuration(owner.mgmtId(), d.id), owner.key(), payload,
                                    TestWorld.RANDOM));
                    return new Sim(d.id, d.secret.orElseThrow());
                }));
            }
            for (Future<Sim> f : made) {
                sims.add(f.get());
            }
            setup.shutdown();

            var server = CoapServers.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new org.assure.authority.internal.coap.BootstrapCredentials(ta, w.services.keys()),
                    org.assure.authority.internal.coap.BootstrapResources.root(ta));
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), CoapServers.port(server));
            long[] latencies = new long[devices];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger retries = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < devices; i = next.getAndIncrement()) {
                        Sim sim = sims.get(i);
                        long t0 = System.nanoTime();
                        boolean done = false;
                        // A device whose first attempt fails tries once more, as a real one would after a back-off.
                        for (int attempt = 0; attempt < 2 && !done; attempt++) {
                            if (attempt > 0) {
                                retries.incrementAndGet();
                            }
                            try {
                                done = bootstrapOnce(sim, address);
                            } catch (Exception e) {
                                reason(e.getClass().getSimpleName());
                            }
                        }
                        if (!done) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            server.destroy();
            Arrays.sort(latencies);
            double p50 = latencies[devices / 2] / 1e6;
            double p99 = latencies[Math.min(devices - 1, (int) Math.ceil(devices * 0.99) - 1)] / 1e6;
            System.out.printf("BENCH bootstrap_storm_rate ours=%.1f devices/s peer=- ratio=- goal=10000 devices in <=300 s (%d devices, %d clients, %.1f s)%n",
                    devices / seconds, devices, workers, seconds);
            System.out.printf("BENCH bootstrap_storm_p50 ours=%.1f ms peer=- ratio=- goal=-%n", p50);
            System.out.printf("BENCH bootstrap_storm_p99 ours=%.1f ms peer=- ratio=- goal=-%n", p99);
            System.out.printf("BENCH bootstrap_storm_failures ours=%d count peer=- ratio=- goal=0%n", failures.get());
            System.out.printf("BENCH bootstrap_storm_retries ours=%d count peer=- ratio=- goal=-%n", retries.get());
            if (!REASONS.isEmpty()) {
                System.out.println("storm attempt failure reasons: " + REASONS);
            }
            assertThat(failures.get()).isZero();
        }
    }

    /** One device: its own socket and full DTLS handshake (PNI + PSK chain), then GET of its image. */
    private static boolean bootstrapOnce(Sim sim, InetSocketAddress server) throws Exception {
        Configuration config = CoapServers.configuration();
        List<TrustedKey> anchors = List.of(TrustedKey.secretAnchor(sim.id(), IdentityClass.DEVICE, sim.secret()));
        ClientCredentials credentials = new ClientCredentials(Optional.of(sim.id()), Optional.empty(), Optional.of(hint -> {
            if (hint.isEmpty() || !(hint.get() instanceof PskHint.KeyChainHint chain) || chain.keys().size() != 1) {
                return Optional.empty();
            }
            DerivedSecretKey key = chain.keys().get(0);
            try {
                return DerivedSecrets.resolve(key, TrustedKeys.of(anchors))
                        .map(secret -> new PskKey(key.keyId(), Optional.empty(), secret));
            } catch (Exception e) {
                return Optional.empty();
            }
        }), Optional.empty());
        DtlsCoapConnector connector = DtlsCoapConnector.builder(UdpTransport.ephemeral(InetAddress.getLoopbackAddress()),
                ChannelKind.MANAGEMENT).config(CLIENT).clientCredentials(s -> Optional.of(credentials)).build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
        try {
            endpoint.start();
            Request get = Request.newGet();
            get.setURI("coaps://" + server.getAddress().getHostAddress() + ":" + server.getPort() + "/v1/devices/"
                    + sim.id() + "/bootstrap");
            get.send(endpoint);
            Response r = get.waitForResponse(120_000);
            if (r == null) {
                reason(get.getSendError() != null ? get.getSendError().getClass().getSimpleName() : "no response");
                return false;
            }
            if (r.getCode() != CoAP.ResponseCode.CONTENT || r.getPayloadSize() == 0) {
                reason(r.getCode().toString());
                return false;
            }
            return true;
        } finally {
            endpoint.destroy();
        }
    }

}
