package org.assure.itests.dtls;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assure.core.cbor.PskHintCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsSessionListener;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.AssurePeerPrincipal;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;

/** Keys, engines, a CoAP server over our connector, Scandium configurations and external processes for the ITs. */
final class Fixtures {
    static final SecureRandom RANDOM = new SecureRandom();
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(20);

    static {
        CoapConfig.register();
        org.eclipse.californium.scandium.config.DtlsConfig.register();
    }

    private Fixtures() {
    }

    /** Engine settings for tests: a bounded handshake, quick first retransmission. */
    static DtlsConfig config() {
        return DtlsConfig.builder().handshakeTimeout(Duration.ofSeconds(8))
                .retransmissionInitial(Duration.ofMillis(300)).build();
    }

    /** A plain DICE PSK: a key UUID, its identity text, and a secret that is printable ASCII (libcoap's -k). */
    record Psk(UUID keyId, SecretBytes secret) {
        static Psk random() {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
            return new Psk(UUID.randomUUID(), SecretBytes.of(text.toString().getBytes(StandardCharsets.US_ASCII)));
        }

        String identity() {
            return PskHintCodec.identityToText(keyId);
        }

        String ascii() {
            return new String(secret.toByteArray(), StandardCharsets.US_ASCII);
        }

        String hex() {
            return HexFormat.of().formatHex(secret.toByteArray());
        }

        byte[] bytes() {
            return secret.toByteArray();
        }
    }

    /** Server credentials that know {@code client} by the PSK (no Peer Name Indication needed). */
    static InMemoryCredentials serverKnowing(UUID serverName, UUID client, Psk psk) {
        return new InMemoryCredentials(serverName).putSecret(psk.keyId(), psk.secret())
                .putPeer(InMemoryCredentials.Peer.withPsk(client, new PskHint.KeyIdHint(psk.keyId())));
    }

    static OwnKey ecKey() {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        return new OwnKey(UUID.randomUUID(), pair.getPublic(), pair.getPrivate());
    }

    static Bytes spki(PublicKey key) {
        return Keys.encodePublic(key);
    }

    /** PEM as OpenSSL writes it: SEC1 {@code EC PRIVATE KEY} for EC private keys (libcoap's -M wants that). */
    static Path pem(Path dir, String name, Object key) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(key instanceof PrivateKey p ? new KeyPair(null, p) : key);
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    static DtlsEngine engine(InMemoryCredentials serverCredentials, DtlsSessionListener listener,
            org.assure.dtls.DtlsDataHandler data) throws IOException {
        return engine(config(), serverCredentials, listener, data);
    }

    static DtlsEngine engine(DtlsConfig config, org.assure.dtls.DtlsServerCredentials serverCredentials,
            DtlsSessionListener listener, org.assure.dtls.DtlsDataHandler data) throws IOException {
        DtlsEngine.Builder builder = DtlsEngine.builder(UdpTransport.ephemeral(LOOPBACK), ChannelKind.MANAGEMENT)
                .config(config).random(RANDOM).listener(listener).dataHandler(data);
        if (serverCredentials != null) {
            builder.serverCredentials(serverCredentials);
        }
        return builder.start();
    }

    static Configuration coapConfig() {
        return Configuration.createStandardWithoutFile();
    }

    /** Our CoAP server: {@code /hello} answers {@code hello <peer principal name>}. */
    static final class OurCoapServer implements AutoCloseable {
        final DtlsCoapConnector connector;
        final CoapServer server;

        OurCoapServer(InMemoryCredentials credentials, DtlsSessionListener listener) throws IOException {
            this(credentials, listener, 1);
        }

        /** @param receiveThreads the server socket's receive threads ({@link UdpTransport}'s group when above 1) */
        OurCoapServer(InMemoryCredentials credentials, DtlsSessionListener listener, int receiveThreads)
                throws IOException {
            Configuration coap = coapConfig();
            UdpTransport transport = new UdpTransport(LOOPBACK, 0, 0, UdpTransport.DEFAULT_MTU,
                    UdpTransport.DEFAULT_SOCKET_BUFFER, receiveThreads);
            connector = DtlsCoapConnector.builder(transport, ChannelKind.MANAGEMENT)
                    .config(config()).random(RANDOM).serverCredentials(credentials).listener(listener).build();
            server = new CoapServer(coap);
            server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(coap).setConnector(connector).build());
            server.add(new CoapResource("hello") {
                @Override
                public void handleGET(CoapExchange exchange) {
                    String name = AssurePeerPrincipal.of(exchange.advanced().getRequest().getSourceContext())
                            .map(AssurePeerPrincipal::getName).orElse("anonymous");
                    exchange.respond(CoAP.ResponseCode.CONTENT, "hello " + name);
                }
            });
            server.start();
        }

        int port() {
            return connector.getAddress().getPort();
        }

        String uri(String path) {
            return "coaps://127.0.0.1:" + port() + "/" + path;
        }

        DtlsEngine engine() {
            return connector.engine();
        }

        @Override
        public void close() {
            server.destroy();
        }
    }

    // ---- Scandium -----------------------------------------------------------------------------------------

    static org.eclipse.californium.scandium.config.DtlsConnectorConfig.Builder scandium(DtlsRole role) {
        return org.eclipse.californium.scandium.config.DtlsConnectorConfig.builder(Configuration.createStandardWithoutFile())
                .setAddress(new InetSocketAddress(LOOPBACK, 0))
                .set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_ROLE, role)
                .set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1)
                .set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 2)
                .set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 3)
                .set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 500,
                        TimeUnit.MILLISECONDS)
                .set(org.eclipse.californium.scandium.config.DtlsConfig.DTLS_EXTENDED_MASTER_SECRET_MODE,
                        org.eclipse.californium.scandium.dtls.ExtendedMasterSecretMode.REQUIRED);
    }

    // ---- external processes -------------------------------------------------------------------------------

    /** Skips the test (JUnit assumption) if {@code binary} is not on the PATH. */
    static String require(String binary) {
        Optional<Path> found = which(binary);
        assumeTrue(found.isPresent(), binary + " is not installed");
        return found.get().toString();
    }

    static Optional<Path> which(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, binary);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    record Result(int exit, String stdout, String stderr) {
    }

    /** Runs a command to completion (killed after {@code timeout}); stdin is closed at once. */
    static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        try (Peer peer = Peer.start(command)) {
            peer.process.getOutputStream().close();
            if (!peer.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command)
                        + "\nstdout: " + peer.stdout() + "\nstderr: " + peer.stderr());
            }
            peer.drain();
            return new Result(peer.process.exitValue(), peer.stdout(), peer.stderr());
        }
    }

    /** An interactive external peer: output collected in the background, always killed on close. */
    static final class Peer implements AutoCloseable {
        final Process process;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final List<Thread> readers = new ArrayList<>();

        private Peer(Process process) {
            this.process = process;
            readers.add(pump(process.getInputStream(), out));
            readers.add(pump(process.getErrorStream(), err));
        }

        static Peer start(String... command) throws IOException {
            return new Peer(new ProcessBuilder(command).start());
        }

        private static Thread pump(InputStream in, ByteArrayOutputStream to) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (in) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        synchronized (to) {
                            to.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "peer-output");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        void write(String text) throws IOException {
            OutputStream stdin = process.getOutputStream();
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        String stdout() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }

        String stderr() {
            synchronized (err) {
                return err.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits until stdout contains {@code text}; false on timeout or if the process ended without it. */
        boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (stdout().contains(text)) {
                    return true;
                }
                if (!process.isAlive()) {
                    drain();
                    return stdout().contains(text);
                }
                Thread.sleep(20);
            }
            return false;
        }

        void drain() throws InterruptedException {
            for (Thread reader : readers) {
                reader.join(2000);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
