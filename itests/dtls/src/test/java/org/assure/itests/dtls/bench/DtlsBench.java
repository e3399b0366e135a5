package org.assure.itests.dtls.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.assure.core.cbor.PskHintCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IpAddress;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.DtlsSessionListener;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PskKey;
import org.assure.dtls.PskResolver;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.assure.dtls.internal.ec.P256;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.MessageCallback;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.ExtendedMasterSecretMode;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

/**
 * DTLS and CoAP benchmarks of our engine against Scandium 3.14 in one run on loopback, printing {@code BENCH}
 * lines ({@code ratio} = ours / peer for rates, so above 1 means ours is faster). Both sides of every pair run in
 * this JVM with the same number of concurrent clients; measurements interleave ours / peer (/ ceiling) for
 * {@code bench.rounds} rounds of {@code bench.seconds} each, after interleaved warm-up rounds until the rates are
 * stable, and report the medians. Heap per idle session and the
 * 10,000-session run use a child JVM for the clients, so this JVM's heap holds only the server's sessions.
 *
 * <p>Run: {@code mvn -B -q -pl itests/dtls -am -Pbench verify -DskipTests} (see README "Benchmarks").
 */
public final class DtlsBench {
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "3"));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 4);
    /** {@link DtlsConfig#handshakeThreads()} of our engines in the handshake benchmarks (0, the default: inline). */
    private static final int HANDSHAKE_THREADS = Integer.getInteger("bench.handshakeThreads", 0);
    /**
     * Receive threads (a {@code SO_REUSEPORT} group, {@link UdpTransport}) of our server's socket in the handshake
     * benchmarks; by default one per concurrent client, so a client waits behind another's handshake only when the
     * kernel's address hash puts both on the same socket.
     */
    private static final int RECEIVE_THREADS = Integer.getInteger("bench.receiveThreads", CONCURRENCY);
    private static final int SESSIONS = Integer.getInteger("bench.sessions", 10_000);
    /** Warm-up ends when every arm's rate changed by at most this fraction from its previous round. */
    private static final double STABLE = 0.15;
    private static final int MAX_WARMUP = Integer.getInteger("bench.maxWarmup", 8);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> LINES = new ArrayList<>();
    private static final List<String> GOALS = new ArrayList<>();
    private static final List<String> CPU_NOTES = new ArrayList<>();

    private DtlsBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("clients")) {
            ManyClients.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Scandium on BouncyCastle's JCE provider (with a non-blocking random), as the comparison requires.
        System.setProperty("CALIFORNIUM_JCE_PROVIDER", "BC_NON_BLOCKING_RANDOM");
        CoapConfig.register();
        org.eclipse.californium.scandium.config.DtlsConfig.register();
        String only = System.getProperty("bench.only", "");
        double loadStart = load();
        if (only.isEmpty() || only.contains("psk")) {
            pskHandshakes();
        }
        if (only.isEmpty() || only.contains("rpk")) {
            rpkHandshakes();
        }
        if (only.isEmpty() || only.contains("coap")) {
            coapRoundTrips();
        }
        if (only.isEmpty() || only.contains("sessions")) {
            manySessions();
        }
        LINES.forEach(System.out::println);
        GOALS.forEach(System.out::println);
        CPU_NOTES.forEach(note -> System.out.println("# " + note));
        System.out.println("# " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + format(loadStart) + " at start, " + format(load()) + " at end; " + ROUNDS + " rounds of " + SECONDS
                + " s, " + CONCURRENCY + " concurrent clients");
        System.exit(0);
    }

    // ---- reporting ----------------------------------------------------------------------------------------

    private static void report(String name, double ours, String unit, double peer, double ratio, String goal,
            boolean met) {
        LINES.add("BENCH " + name + " ours=" + number(ours) + " " + unit + " peer="
                + (Double.isNaN(peer) ? "-" : number(peer)) + " ratio=" + (Double.isNaN(ratio) ? "-" : number(ratio))
                + " goal=" + goal);
        if (!goal.equals("-")) {
            GOALS.add("BENCH-GOAL " + name + " " + (met ? "met" : "missed"));
        }
        System.err.println(LINES.get(LINES.size() - 1));
        if (!CPU_NOTES.isEmpty()) {
            System.err.println("# " + CPU_NOTES.get(CPU_NOTES.size() - 1));
        }
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String format(double value) {
        return value < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    // ---- measurement --------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Op {
        void run(int thread) throws Exception;
    }

    @FunctionalInterface
    interface Setup {
        void run() throws Exception;
    }

    /** Operations per second of {@code op} on {@code threads} threads for {@code seconds}; failures abort. */
    static double rate(int threads, double seconds, Op op) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        Throwable[] firstError = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        op.run(thread);
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    if (errors.getAndIncrement() == 0) {
                        firstError[0] = e;
                    }
                }
            }, "bench-" + t);
            worker.start();
            workers.add(worker);
        }
        long begin = System.nanoTime();
        long cpuBegin = processCpuNanos();
        start.countDown();
        Thread.sleep((long) (seconds * 1000));
        long count = done.get();
        long elapsed = System.nanoTime() - begin;
        lastCpuPerOp = (processCpuNanos() - cpuBegin) / 1e3 / Math.max(1, count);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join(30_000);
        }
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " operations failed", firstError[0]);
        }
        return count / (elapsed / 1e9);
    }

    /** Process CPU time per operation of the last {@link #rate} run, in microseconds (both ends run here). */
    static volatile double lastCpuPerOp;

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One thing measured: an operation, and what to do (untimed) before each of its rounds. */
    record Arm(String name, Op op, Setup beforeRound) {
        Arm(String name, Op op) {
            this(name, op, null);
        }
    }

    /**
     * Rates of {@code arms} on {@code threads} threads, medians of {@link #ROUNDS} interleaved rounds (arm 1, arm 2,
     * ..., arm 1, ...), so load changes on this shared machine hit every arm alike. Before that, interleaved
     * warm-up rounds until every arm's rate is within {@link #STABLE} of its previous round (at least 2, at most
     * {@link #MAX_WARMUP}): under load the JIT takes 10-20 s to compile BouncyCastle's handshake code, and a fixed
     * short warm-up measured compilation, not the protocol.
     */
    static Measured measure(int threads, Arm... arms) throws Exception {
        double[] previous = new double[arms.length];
        int warmup = 0;
        boolean stable = false;
        while (!stable && warmup < MAX_WARMUP) {
            stable = warmup >= 1;
            for (int i = 0; i < arms.length; i++) {
                double value = round(threads, arms[i]);
                stable &= Math.abs(value - previous[i]) <= STABLE * Math.max(value, previous[i]);
                previous[i] = value;
            }
            warmup++;
        }
        double[][] rates = new double[arms.length][ROUNDS];
        double[][] cpu = new double[arms.length][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < arms.length; i++) {
                rates[i][r] = round(threads, arms[i]);
                cpu[i][r] = lastCpuPerOp;
            }
        }
        StringBuilder note = new StringBuilder("CPU per operation (whole process):");
        double[] cpuMedians = new double[arms.length];
        for (int i = 0; i < arms.length; i++) {
            cpuMedians[i] = median(cpu[i]);
            note.append(String.format(Locale.ROOT, " %s %.0f us;", arms[i].name(), cpuMedians[i]));
        }
        note.append(" rounds/s ").append(Arrays.deepToString(rounded(rates))).append(" after ").append(warmup)
                .append(" warm-up rounds").append(stable ? "" : " (not stable)").append(", load ")
                .append(format(load()));
        CPU_NOTES.add(note.toString());
        return new Measured(rates, cpuMedians);
    }

    /** Per-round rates of each arm and the median CPU time per operation (microseconds, whole process). */
    record Measured(double[][] rates, double[] cpu) {
        double median(int arm) {
            return DtlsBench.median(rates[arm]);
        }

        /**
         * Median over rounds of arm {@code a}'s rate divided by arm {@code b}'s in the same round: each pair ran
         * back to back under about the same load, which a ratio of medians taken from different rounds ignores.
         */
        double ratio(int a, int b) {
            double[] ratios = new double[rates[a].length];
            for (int r = 0; r < ratios.length; r++) {
                ratios[r] = rates[a][r] / rates[b][r];
            }
            return DtlsBench.median(ratios);
        }
    }

    /** A line comparing CPU per operation: ratio = peer / ours, so above 1 means ours needs less CPU. */
    private static void reportCpu(String name, Measured measured) {
        LINES.add("BENCH " + name + ".cpu-per-op ours=" + number(measured.cpu()[0]) + " us peer="
                + number(measured.cpu()[1]) + " ratio=" + number(measured.cpu()[1] / measured.cpu()[0]) + " goal=-");
    }

    private static void beforeRound(Arm arm) throws Exception {
        if (arm.beforeRound() != null) {
            arm.beforeRound().run();
        }
    }

    private static double round(int threads, Arm arm) throws Exception {
        beforeRound(arm);
        return rate(threads, SECONDS, arm.op());
    }

    private static long[][] rounded(double[][] values) {
        long[][] result = new long[values.length][];
        for (int i = 0; i < values.length; i++) {
            result[i] = Arrays.stream(values[i]).mapToLong(Math::round).toArray();
        }
        return result;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    // ---- fixtures -----------------------------------------------------------------------------------------

    private static DtlsConfig noResumption() {
        return DtlsConfig.builder().sessionCacheSize(0).maxConcurrentHandshakes(64)
                .handshakeTimeout(Duration.ofSeconds(20)).handshakeThreads(HANDSHAKE_THREADS).build();
    }

    private static DtlsEngine engine(DtlsConfig config, InMemoryCredentials server,
            org.assure.dtls.DtlsDataHandler handler) throws IOException {
        UdpTransport transport = server == null ? UdpTransport.ephemeral(LOOPBACK)
                : new UdpTransport(LOOPBACK, 0, 0, UdpTransport.DEFAULT_MTU, UdpTransport.DEFAULT_SOCKET_BUFFER,
                        RECEIVE_THREADS);
        DtlsEngine.Builder builder = DtlsEngine.builder(transport, ChannelKind.MANAGEMENT)
                .config(config).random(RANDOM).dataHandler(handler);
        if (server != null) {
            builder.serverCredentials(server);
        }
        return builder.start();
    }

    /** Servers echo application data (the 10k-session run checks every session this way). */
    private static void echo(DtlsSession session, byte[] data) {
        if (session.role() == org.assure.dtls.DtlsRole.SERVER) {
            try {
                session.send(data);
            } catch (IOException e) {
                // counted by the client
            }
        }
    }

    static InetSocketAddress socket(DtlsEngine engine) {
        return new InetSocketAddress(LOOPBACK, ((IpAddress) engine.localAddress()).localPort());
    }

    private static DtlsConnectorConfig.Builder scandium(DtlsRole role) {
        return DtlsConnectorConfig.builder(Configuration.createStandardWithoutFile())
                .setAddress(new InetSocketAddress(LOOPBACK, 0))
                .set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_ROLE, role)
                .set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_SERVER_USE_SESSION_ID, false)
                .set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_EXTENDED_MASTER_SECRET_MODE,
                        ExtendedMasterSecretMode.REQUIRED);
    }

    /** Sends one record with Scandium (handshaking first if there is no connection) and waits until sent. */
    static void scandiumSend(Connector connector, InetSocketAddress to, byte[] data) throws Exception {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        connector.send(RawData.outbound(data, new AddressEndpointContext(to), new MessageCallback() {
            @Override
            public void onConnecting() {
            }

            @Override
            public void onDtlsRetransmission(int flight) {
            }

            @Override
            public void onContextEstablished(EndpointContext context) {
            }

            @Override
            public void onSent() {
                sent.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                sent.completeExceptionally(error);
            }
        }, false));
        sent.get(20, TimeUnit.SECONDS);
    }

    // ---- handshakes ---------------------------------------------------------------------------------------

    private static void pskHandshakes() throws Exception {
        UUID keyId = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        InMemoryCredentials server = new InMemoryCredentials(UUID.randomUUID())
                .putSecret(keyId, SecretBytes.of(secret))
                .putPeer(InMemoryCredentials.Peer.withPsk(UUID.randomUUID(), new PskHint.KeyIdHint(keyId)));
        ClientCredentials plain = new ClientCredentials(Optional.empty(), Optional.empty(),
                Optional.of(PskResolver.fixed(PskKey.of(keyId, SecretBytes.of(secret)))), Optional.empty());
        String identity = PskHintCodec.identityToText(keyId);
        handshakes("dtls.handshake.psk-ccm8", server, i -> plain,
                role -> scandium(role).setAsList(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CIPHER_SUITES,
                        CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                        .setAdvancedPskStore(new AdvancedSinglePskStore(identity, secret)), null, null);
    }

    private static void rpkHandshakes() throws Exception {
        OwnKey serverKey = ownKey();
        List<OwnKey> clientKeys = new ArrayList<>();
        UUID serverName = UUID.randomUUID();
        InMemoryCredentials server = new InMemoryCredentials(serverName).ownKey(serverKey);
        List<ClientCredentials> clients = new ArrayList<>();
        List<RawPublicKeyIdentity> trusted = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            OwnKey key = ownKey();
            clientKeys.add(key);
            UUID name = UUID.randomUUID();
            server.putPeer(InMemoryCredentials.Peer.withRawKey(name, key.keyId(), Keys.encodePublic(key.publicKey())));
            InMemoryCredentials client = new InMemoryCredentials(name).ownKey(key).putPeer(
                    InMemoryCredentials.Peer.withRawKey(serverName, serverKey.keyId(),
                            Keys.encodePublic(serverKey.publicKey())));
            ClientCredentials named = client.clientFor(serverName);
            // Plain RFC 7250 as Scandium does it: no Peer Name Indication.
            clients.add(new ClientCredentials(Optional.empty(), Optional.empty(), Optional.empty(), named.rawKey()));
            trusted.add(new RawPublicKeyIdentity(key.publicKey()));
        }
        Op ceiling = ecCeiling();
        Op bouncyCastleCeiling = bouncyCastleEcCeiling();
        handshakes("dtls.handshake.rpk-ecdsa-p256", server, clients::get, role -> {
            DtlsConnectorConfig.Builder builder = scandium(role).setAsList(
                    org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CIPHER_SUITES,
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8)
                    .setAsList(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CERTIFICATE_TYPES,
                            CertificateType.RAW_PUBLIC_KEY);
            if (role == DtlsRole.SERVER_ONLY) {
                builder.set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE,
                        CertificateAuthenticationMode.NEEDED)
                        .setCertificateIdentityProvider(new SingleCertificateProvider(serverKey.privateKey(),
                                serverKey.publicKey()))
                        .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                                .setTrustedRPKs(trusted.toArray(RawPublicKeyIdentity[]::new)).build());
            } else {
                OwnKey key = clientKeys.get(SCANDIUM_CLIENT.getAndIncrement() % clientKeys.size());
                builder.setCertificateIdentityProvider(new SingleCertificateProvider(key.privateKey(),
                        key.publicKey()))
                        .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                                .setTrustedRPKs(new RawPublicKeyIdentity(serverKey.publicKey())).build());
            }
            return builder;
        }, ceiling, bouncyCastleCeiling);
    }

    private static final AtomicInteger SCANDIUM_CLIENT = new AtomicInteger();

    private static OwnKey ownKey() {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        return new OwnKey(UUID.randomUUID(), pair.getPublic(), pair.getPrivate());
    }

    @FunctionalInterface
    interface ScandiumConfig {
        DtlsConnectorConfig.Builder of(DtlsRole role);
    }

    /**
     * Full handshakes per second, {@link #CONCURRENCY} clients each looping "handshake, send one record": ours
     * (no resumption: both caches off; a client's {@code connect} replaces its previous session) against Scandium
     * (each client's connection state cleared before each handshake, so every one is a full handshake from the same
     * port, as ours are).
     *
     * <p>Scandium's server keeps the connection of every finished handshake in its connection store (a newer
     * handshake from the same address, or a close_notify, does not remove the old one) and refuses to evict
     * connections with recent handshakes; once the store is full it keeps answering the clients' ClientHellos with
     * HelloVerifyRequests, and a Scandium client answers each with a ClientHello of the next message_seq until that
     * passes 65535 ("Handshake message sequence number 65536 out of range"). So every Scandium round (the warm-up
     * too) runs against a fresh Scandium server with its default store (150,000 connections), far more than one
     * round's handshakes; the old server and its store are gone before the round starts.
     */
    private static void handshakes(String name, InMemoryCredentials serverCredentials,
            java.util.function.IntFunction<ClientCredentials> clientCredentials, ScandiumConfig scandium,
            Op ceiling, Op referenceCeiling) throws Exception {
        // No echo: Scandium's server in this loop only receives the record too. The data handler runs on the receive
        // thread that has the client: which thread took which client is reported.
        java.util.Map<org.assure.core.model.Address, String> receivedOn = new java.util.concurrent.ConcurrentHashMap<>();
        DtlsEngine server = engine(noResumption(), serverCredentials,
                (session, data) -> receivedOn.put(session.peerAddress(), Thread.currentThread().getName()));
        List<DtlsEngine> clients = new ArrayList<>();
        AtomicReference<DTLSConnector> scandiumServer = new AtomicReference<>();
        List<DTLSConnector> scandiumClients = new ArrayList<>();
        try {
            for (int i = 0; i < CONCURRENCY; i++) {
                clients.add(engine(noResumption(), null, DtlsBench::echo));
            }
            for (int i = 0; i < CONCURRENCY; i++) {
                DTLSConnector client = new DTLSConnector(scandium.of(DtlsRole.CLIENT_ONLY).build());
                client.setRawDataReceiver(raw -> {
                });
                client.start();
                scandiumClients.add(client);
            }
            byte[] one = {1};
            Arm ourArm = new Arm("ours", thread -> {
                DtlsSession session = clients.get(thread).connect(server.localAddress(),
                        clientCredentials.apply(thread)).get(20, TimeUnit.SECONDS);
                session.send(one);
            });
            Arm peerArm = new Arm("scandium", thread -> {
                DTLSConnector client = scandiumClients.get(thread);
                client.clearConnectionState();
                scandiumSend(client, scandiumServer.get().getAddress(), one);
            }, () -> {
                DTLSConnector previous = scandiumServer.getAndSet(null);
                if (previous != null) {
                    previous.destroy();
                }
                DTLSConnector fresh = new DTLSConnector(scandium.of(DtlsRole.SERVER_ONLY).build());
                fresh.setRawDataReceiver(raw -> {
                });
                fresh.start();
                scandiumServer.set(fresh);
            });
            Measured measured = ceiling == null ? measure(CONCURRENCY, ourArm, peerArm)
                    : measure(CONCURRENCY, ourArm, peerArm, new Arm("ec-ceiling", ceiling),
                            new Arm("bc-ec-ceiling", referenceCeiling));
            double ratio = measured.ratio(0, 1);
            report(name, measured.median(0), "handshakes/s", measured.median(1), ratio, ">=1.5x", ratio >= 1.5);
            reportCpu(name, measured);
            CPU_NOTES.add(name + ": our server's " + RECEIVE_THREADS + " receive thread(s) took the " + CONCURRENCY
                    + " clients as " + spread(receivedOn.values()));
            if (ceiling != null) {
                double fraction = measured.ratio(0, 2);
                report(name + ".crypto-ceiling", measured.median(0), "handshakes/s", measured.median(2), fraction,
                        ">=0.70", fraction >= 0.70);
                // Reference only: the same EC work on BouncyCastle's arithmetic (what the engine used before, and
                // what Scandium's BouncyCastle JCE provider computes with).
                report(name + ".crypto-ceiling-bouncycastle", measured.median(0), "handshakes/s",
                        measured.median(3), measured.ratio(0, 3), "-", true);
            }
        } finally {
            clients.forEach(DtlsEngine::close);
            server.close();
            scandiumClients.forEach(DTLSConnector::destroy);
            DTLSConnector last = scandiumServer.get();
            if (last != null) {
                last.destroy();
            }
        }
    }

    /** How many clients each receive thread had, largest first, e.g. {@code 2+1+1}. */
    private static String spread(java.util.Collection<String> threads) {
        java.util.Map<String, Long> perThread = threads.stream()
                .collect(java.util.stream.Collectors.groupingBy(t -> t, java.util.stream.Collectors.counting()));
        return perThread.values().stream().sorted(java.util.Comparator.reverseOrder()).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("+"));
    }

    /**
     * The EC work of one full ECDHE-ECDSA handshake with client authentication, both sides, as our engine does it
     * (its own P-256, {@code org.assure.dtls.internal.ec.P256}): two ephemeral key pairs, two agreements, two
     * signatures (deterministic k over SHA-256), two verifications, every public point taken from its encoding as
     * off the wire (decoded and validated afresh). Run on {@link #CONCURRENCY} threads, interleaved with the
     * handshake rounds; its rate is the highest handshake rate the EC arithmetic alone allows.
     */
    private static Op ecCeiling() {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        List<P256.KeyPair> identities = List.of(P256.generateKeyPair(RANDOM), P256.generateKeyPair(RANDOM));
        return thread -> {
            P256.KeyPair client = P256.generateKeyPair(RANDOM);
            P256.KeyPair server = P256.generateKeyPair(RANDOM);
            byte[] a = P256.agree(client.privateKey(), server.publicKey());
            byte[] b = P256.agree(server.privateKey(), client.publicKey());
            if (!Arrays.equals(a, b)) {
                throw new IllegalStateException("agreement");
            }
            for (P256.KeyPair identity : identities) {
                byte[] signature = P256.sign(identity.privateKey(), hash);
                BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
                BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
                if (!P256.verify(identity.publicKey(), hash, r, s)) {
                    throw new IllegalStateException("signature");
                }
            }
        };
    }

    private static ECPublicKeyParameters fromWire(AsymmetricCipherKeyPair pair, ECDomainParameters domain) {
        byte[] encoded = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
        return new ECPublicKeyParameters(domain.getCurve().decodePoint(encoded), domain);
    }

    /**
     * The same EC work on BouncyCastle's lightweight API (CustomNamedCurves secp256r1, what the engine used before
     * its own P-256), reported for reference.
     */
    private static Op bouncyCastleEcCeiling() {
        // The optimized secp256r1 arithmetic BouncyCastle's TLS crypto uses (CustomNamedCurves), not the generic one.
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        ECDomainParameters domain = new ECDomainParameters(curve);
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        List<AsymmetricCipherKeyPair> identities = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ECKeyPairGenerator generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(domain, RANDOM));
            identities.add(generator.generateKeyPair());
        }
        Op handshakeCrypto = thread -> {
            ECKeyPairGenerator generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(domain, RANDOM));
            AsymmetricCipherKeyPair client = generator.generateKeyPair();
            AsymmetricCipherKeyPair server = generator.generateKeyPair();
            // Each side gets the other's points off the wire: decoded (and validated) afresh, as in a handshake,
            // so no precomputation cached on a point object is reused.
            ECDHBasicAgreement agreement = new ECDHBasicAgreement();
            agreement.init(client.getPrivate());
            BigInteger a = agreement.calculateAgreement(fromWire(server, domain));
            agreement.init(server.getPrivate());
            BigInteger b = agreement.calculateAgreement(fromWire(client, domain));
            if (!a.equals(b)) {
                throw new IllegalStateException("agreement");
            }
            for (AsymmetricCipherKeyPair identity : identities) {
                ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
                signer.init(true, (ECPrivateKeyParameters) identity.getPrivate());
                BigInteger[] signature = signer.generateSignature(hash);
                ECDSASigner verifier = new ECDSASigner();
                verifier.init(false, fromWire(identity, domain));
                if (!verifier.verifySignature(hash, signature[0], signature[1])) {
                    throw new IllegalStateException("signature");
                }
            }
        };
        return handshakeCrypto;
    }

    // ---- CoAP ---------------------------------------------------------------------------------------------

    private static void coapRoundTrips() throws Exception {
        UUID keyId = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        UUID serverName = UUID.randomUUID();
        UUID clientName = UUID.randomUUID();
        InMemoryCredentials serverCredentials = new InMemoryCredentials(serverName).putSecret(keyId,
                SecretBytes.of(secret)).putPeer(InMemoryCredentials.Peer.withPsk(clientName,
                        new PskHint.KeyIdHint(keyId)));
        InMemoryCredentials clientCredentials = new InMemoryCredentials(clientName).putSecret(keyId,
                SecretBytes.of(secret)).putPeer(new InMemoryCredentials.Peer(serverName, Optional.empty(),
                        java.util.Map.of()));
        String identity = PskHintCodec.identityToText(keyId);
        Configuration coap = Configuration.createStandardWithoutFile();
        // A client keeps each message ID it used for EXCHANGE_LIFETIME (247 s), and a server remembers it as long
        // for deduplication: at thousands of GETs per second over a minute of warm-up and rounds the 65,536 IDs
        // run out ("automatic message IDs exhausted"). 10 s (both sides alike) keeps well below that.
        coap.set(CoapConfig.EXCHANGE_LIFETIME, 10, TimeUnit.SECONDS);

        CoapServer ourServer = coapServer(coap, DtlsCoapConnector.builder(UdpTransport.ephemeral(LOOPBACK),
                ChannelKind.MANAGEMENT).serverCredentials(serverCredentials).random(RANDOM).build());
        CoapEndpoint ourClient = new CoapEndpoint.Builder().setConfiguration(coap).setConnector(
                DtlsCoapConnector.builder(UdpTransport.ephemeral(LOOPBACK), ChannelKind.MANAGEMENT).random(RANDOM)
                        .clientCredentials(peer -> Optional.of(clientCredentials.clientFor(serverName))).build())
                .build();
        DTLSConnector scandiumServerConnector = new DTLSConnector(scandium(DtlsRole.SERVER_ONLY)
                .setAsList(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CIPHER_SUITES,
                        CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, secret)).build());
        CoapServer scandiumServer = coapServer(coap, scandiumServerConnector);
        CoapEndpoint scandiumClient = new CoapEndpoint.Builder().setConfiguration(coap).setConnector(
                new DTLSConnector(scandium(DtlsRole.CLIENT_ONLY)
                        .setAsList(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CIPHER_SUITES,
                                CipherSuite.TLS_PSK_WITH_AES_128_CCM_8)
                        .setAdvancedPskStore(new AdvancedSinglePskStore(identity, secret)).build())).build();
        DatagramSocket echoServer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        DatagramSocket echoClient = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        Thread echo = new Thread(() -> {
            byte[] buffer = new byte[2048];
            while (!echoServer.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    echoServer.receive(packet);
                    echoServer.send(packet);
                } catch (IOException e) {
                    return;
                }
            }
        }, "udp-echo");
        echo.setDaemon(true);
        echo.start();
        try {
            ourClient.start();
            scandiumClient.start();
            String ourUri = "coaps://127.0.0.1:" + ourServer.getEndpoints().get(0).getAddress().getPort() + "/hello";
            String scandiumUri = "coaps://127.0.0.1:" + scandiumServer.getEndpoints().get(0).getAddress().getPort()
                    + "/hello";
            // The same exchange without DTLS or CoAP: a 20-byte UDP echo, the transport's ceiling.
            byte[] ping = new byte[20];
            byte[] pong = new byte[2048];
            InetSocketAddress echoAddress = new InetSocketAddress(LOOPBACK, echoServer.getLocalPort());
            Measured measured = measure(1, new Arm("ours", thread -> get(ourClient, ourUri)),
                    new Arm("californium-scandium", thread -> get(scandiumClient, scandiumUri)),
                    new Arm("udp-echo", thread -> {
                        echoClient.send(new DatagramPacket(ping, ping.length, echoAddress));
                        echoClient.receive(new DatagramPacket(pong, pong.length));
                    }));
            double ratio = measured.ratio(0, 1);
            report("coap.get.round-trips.one-session", measured.median(0), "requests/s", measured.median(1), ratio,
                    ">=1.2x", ratio >= 1.2);
            reportCpu("coap.get.round-trips.one-session", measured);
            report("coap.get.round-trips.fraction-of-udp-echo", measured.median(0), "requests/s", measured.median(2),
                    measured.ratio(0, 2), "-", true);
        } finally {
            ourClient.destroy();
            scandiumClient.destroy();
            ourServer.destroy();
            scandiumServer.destroy();
            echoServer.close();
            echoClient.close();
        }
    }

    private static CoapServer coapServer(Configuration coap, Connector connector) {
        CoapServer server = new CoapServer(coap);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(coap).setConnector(connector).build());
        server.add(new CoapResource("hello") {
            @Override
            public void handleGET(CoapExchange exchange) {
                exchange.respond(CoAP.ResponseCode.CONTENT, "hello");
            }
        });
        server.start();
        return server;
    }

    private static void get(CoapEndpoint client, String uri) throws Exception {
        Request request = Request.newGet();
        request.setURI(uri);
        request.send(client);
        Response response = request.waitForResponse(10_000);
        if (response == null || response.getCode() != CoAP.ResponseCode.CONTENT) {
            throw new IllegalStateException("no response: " + request.getSendError());
        }
    }

    // ---- many sessions ------------------------------------------------------------------------------------

    /**
     * {@link #SESSIONS} clients (a child JVM, one UDP port each) hold PSK sessions with one server socket here:
     * heap per idle established session (this JVM's used heap after GC, before and after), then one echo round
     * trip on every session at once.
     */
    private static void manySessions() throws Exception {
        UUID keyId = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        InMemoryCredentials credentials = new InMemoryCredentials(UUID.randomUUID())
                .putSecret(keyId, SecretBytes.of(secret))
                .putPeer(InMemoryCredentials.Peer.withPsk(UUID.randomUUID(), new PskHint.KeyIdHint(keyId)));
        AtomicInteger failures = new AtomicInteger();
        DtlsEngine server = DtlsEngine.builder(UdpTransport.ephemeral(LOOPBACK), ChannelKind.MANAGEMENT)
                .config(DtlsConfig.builder().sessionCacheSize(0).maxConcurrentHandshakes(64)
                        .maxSessions(SESSIONS + 100).handshakeTimeout(Duration.ofSeconds(60)).build())
                .serverCredentials(credentials).random(RANDOM).dataHandler(DtlsBench::echo)
                .listener(new DtlsSessionListener() {
                    @Override
                    public void handshakeFailed(org.assure.dtls.HandshakeFailure failure) {
                        failures.incrementAndGet();
                    }
                }).start();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process clients = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                DtlsBench.class.getName(), "clients", Integer.toString(socket(server).getPort()),
                Integer.toString(SESSIONS), keyId.toString(), HexFormat.of().formatHex(secret))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream(),
                StandardCharsets.UTF_8))) {
            long before = usedHeap();
            histogram("before");
            int sessionsBefore = server.stats().sessions();
            clients.getOutputStream().write("connect\n".getBytes(StandardCharsets.US_ASCII));
            clients.getOutputStream().flush();
            String connected = expect(out, "CONNECTED");
            int established = server.stats().sessions() - sessionsBefore;
            long after = usedHeap();
            double perSession = (after - before) / (double) established;
            histogram("after");
            report("dtls.heap-per-idle-session", perSession, "bytes", Double.NaN, Double.NaN, "<=4096",
                    perSession <= 4096);
            clients.getOutputStream().write("echo\n".getBytes(StandardCharsets.US_ASCII));
            clients.getOutputStream().flush();
            String echoed = expect(out, "ECHOED");
            int ok = Integer.parseInt(echoed.split(" ")[1]);
            int errors = Integer.parseInt(echoed.split(" ")[2]) + failures.get();
            report("dtls.concurrent-sessions.one-socket", ok, "sessions(echo ok, errors=" + errors + ", "
                    + connected.substring("CONNECTED ".length()) + ")", Double.NaN, Double.NaN, ">=" + SESSIONS
                    + "-with-0-errors", ok >= SESSIONS && errors == 0 && established >= SESSIONS);
        } finally {
            clients.getOutputStream().close();
            clients.waitFor(20, TimeUnit.SECONDS);
            clients.destroyForcibly();
            server.close();
        }
    }

    /** With {@code -Dbench.histogram=true}: this JVM's class histogram (jcmd), for finding per-session heap. */
    private static void histogram(String label) throws IOException {
        if (Boolean.getBoolean("bench.histogram")) {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()),
                    "GC.class_histogram").redirectErrorStream(true).start();
            new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().limit(200)
                    .forEach(line -> System.err.println("HISTO " + label + " " + line));
        }
    }

    private static String expect(BufferedReader out, String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("clients ended before " + prefix);
    }

    static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /** The child JVM of {@link #manySessions()}: one engine, one UDP port per session. */
    static final class ManyClients {
        /** Echoes outstanding at once: thousands of sessions, each sending, without one burst's worth of loss. */
        private static final int WINDOW = 1000;

        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(args[0]);
            int count = Integer.parseInt(args[1]);
            UUID keyId = UUID.fromString(args[2]);
            byte[] secret = HexFormat.of().parseHex(args[3]);
            ManyPortsTransport transport = new ManyPortsTransport(new InetSocketAddress(LOOPBACK, port), count);
            AtomicInteger echoes = new AtomicInteger();
            CountDownLatch[] latch = {new CountDownLatch(count)};
            DtlsEngine engine = DtlsEngine.builder(transport, ChannelKind.MANAGEMENT)
                    .config(DtlsConfig.builder().sessionCacheSize(0).maxConcurrentHandshakes(32)
                            .maxSessions(count + 10).handshakeTimeout(Duration.ofSeconds(60)).build())
                    .random(RANDOM).dataHandler((session, data) -> {
                        echoes.incrementAndGet();
                        latch[0].countDown();
                    }).start();
            ClientCredentials plain = new ClientCredentials(Optional.empty(), Optional.empty(),
                    Optional.of(PskResolver.fixed(PskKey.of(keyId, SecretBytes.of(secret)))), Optional.empty());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            List<DtlsSession> sessions = new ArrayList<>();
            String command;
            while ((command = in.readLine()) != null) {
                if (command.equals("connect")) {
                    long start = System.nanoTime();
                    List<CompletableFuture<DtlsSession>> futures = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        futures.add(engine.connect(transport.peer(i), plain));
                    }
                    int failed = 0;
                    for (CompletableFuture<DtlsSession> future : futures) {
                        try {
                            sessions.add(future.get(120, TimeUnit.SECONDS));
                        } catch (Exception e) {
                            failed++;
                        }
                    }
                    // The server learns its last flight arrived from the client's first record: send one each.
                    double seconds = (System.nanoTime() - start) / 1e9;
                    latch[0] = new CountDownLatch(sessions.size());
                    int sendErrors = sendAll(sessions, latch[0]);
                    latch[0].await(60, TimeUnit.SECONDS);
                    echoes.set(0);
                    System.out.println("CONNECTED " + sessions.size() + " sessions in " + number(seconds)
                            + " s, handshake-failures=" + failed + ", send-errors=" + sendErrors);
                } else if (command.equals("echo")) {
                    latch[0] = new CountDownLatch(sessions.size());
                    int sendErrors = sendAll(sessions, latch[0]);
                    boolean all = latch[0].await(60, TimeUnit.SECONDS);
                    int closed = (int) sessions.stream().filter(s -> !s.isOpen()).count();
                    System.out.println("ECHOED " + echoes.get() + " " + (sendErrors + closed + (all ? 0 : 1)));
                }
                System.out.flush();
            }
            engine.close();
            System.exit(0);
        }

        /** One record on every session, at most {@link #WINDOW} awaiting their echo at a time. */
        private static int sendAll(List<DtlsSession> sessions, CountDownLatch echoed) throws InterruptedException {
            int errors = 0;
            byte[] payload = "ping".getBytes(StandardCharsets.US_ASCII);
            int sent = 0;
            for (DtlsSession session : sessions) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (sent - (sessions.size() - echoed.getCount()) >= WINDOW && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                sent++;
                try {
                    session.send(payload);
                } catch (IOException e) {
                    errors++;
                }
            }
            return errors;
        }
    }
}
