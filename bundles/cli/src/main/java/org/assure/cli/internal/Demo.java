package org.assure.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.assure.authority.AuthorityException;
import org.assure.authority.AuthoritySettings;
import org.assure.authority.ChannelIssuance;
import org.assure.authority.ManagementServer;
import org.assure.authority.ManagementSettings;
import org.assure.authority.PushedRequest;
import org.assure.authority.TrustedAuthorityServer;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.QrPayload;

/**
 * The lifecycle demo ({@code assure demo}) on one machine: a Trusted Authority and the management servers of two
 * owners in this JVM (the authority bundle's API, as {@code assure authority start} runs them), two standalone
 * gateway runtimes as child processes, and the tool's own commands in between — manufacture, claim by QR code,
 * bootstrap, a data channel and a ping over it, change of owner, and the old owner locked out.
 *
 * <p>Everything lives under one directory; {@link #close()} stops the gateways first (they say goodbye to the
 * management servers), then the servers. It is idempotent and safe from a shutdown hook.
 */
final class Demo implements AutoCloseable {
    /** {@code device status}: the management server has the device's presence (Registrar.PRESENT). */
    private static final long PRESENT = 3;
    private static final String INSTALLER = "installer";

    /** What the demo is told from the command line. */
    record Options(Path dir, Path gatewayJar, Path java, List<String> jvmOptions, int httpPort, Duration timeout,
            String consoleUser, String consolePassword) {
    }

    /** One gateway: its device, files and, once started, its process and console. */
    static final class Gateway {
        final String name;
        final String kind;
        UUID device;
        Path identity;
        Path passphrase;
        Path qr;
        Path home;
        GatewayProcess process;
        GatewayProcess.Ready ready;
        GatewayConsole console;

        Gateway(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }

        String label() {
            return "gateway " + name + " (" + kind + " device " + device + ")";
        }
    }

    private final Options options;
    private final PrintWriter out;
    private final Path home;
    private final SecureRandom random = new SecureRandom();
    private final Gateway a = new Gateway("A", "EC");
    private final Gateway b = new Gateway("B", "shared-secret");
    private TrustedAuthorityServer ta;
    private ManagementServer ownerA;
    private ManagementServer ownerB;
    private Path infoB;
    private Path passwordB;
    private boolean closed;

    Demo(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
        this.home = options.dir().resolve("home");
    }

    List<Gateway> gateways() {
        return List.of(a, b);
    }

    /** The number of steps {@link #run} reports. */
    static final int STEPS = 19;

    /** Runs every step; the outcome is in {@code steps}. */
    void run(DemoSteps steps) {
        steps.run("start the Trusted Authority (H2 database in " + options.dir().resolve("authority") + ")",
                this::startAuthority);
        steps.run("owner A registers with the Trusted Authority (management server A)", () -> {
            ownerA = startOwner("a", Home.AUTHORITY + "/" + INSTALLER + ".password", AuthorityInfo.defaultFile(demoHome()));
            return "management id " + ownerA.mgmtId() + ", registration API " + ownerA.registrationUri();
        });
        steps.run("owner B registers with the Trusted Authority (management server B)", () -> {
            passwordB = home.resolve(Home.AUTHORITY).resolve(INSTALLER + "-b.password");
            infoB = home.resolve(Home.AUTHORITY).resolve("authority-b.json");
            ownerB = startOwner("b", Home.AUTHORITY + "/" + INSTALLER + "-b.password", infoB);
            return "management id " + ownerB.mgmtId() + ", registration API " + ownerB.registrationUri();
        });
        steps.run("manufacture device A: EC key, factory identity file, QR code", () -> manufacture(a, "ec"));
        steps.run("manufacture device B: shared secret only, factory identity file, QR code",
                () -> manufacture(b, "shared-secret"));
        steps.run("owner A claims device A by decoding its QR code", () -> claim(a, ownerA, null, null));
        steps.run("owner A claims device B by decoding its QR code", () -> claim(b, ownerA, null, null));
        steps.run("start gateway runtimes A and B (assure-gateway.jar processes)", this::startGateways);
        steps.run("gateways bootstrap and report presence to owner A", () -> awaitPresence(ownerA, null));
        steps.run("owner A issues a data channel A <-> B and pushes it over DTLS", () -> issueChannel(ownerA));
        steps.run("ping B over the data channel (gateway A's console)", this::ping);
        steps.run("owner A transfers both devices to owner B (Owner API)", () -> {
            for (Gateway g : gateways()) {
                ownerA.transfer(g.device, ownerB.mgmtId());
            }
            return "owner of " + a.device + " and " + b.device + " is now " + ownerB.mgmtId();
        });
        steps.run("owner B registers both devices by their QR codes (new bootstrap images)", () -> {
            String first = claim(a, ownerB, infoB, passwordB);
            String second = claim(b, ownerB, infoB, passwordB);
            return first + "; " + second;
        });
        steps.run("owner A resets both devices' bootstrap (PUT /v1/bootstrap over DTLS)", () -> {
            List<String> answers = new ArrayList<>();
            for (Gateway g : gateways()) {
                PushedRequest answer = ownerA.requestBootstrap(g.device);
                if (!answer.succeeded()) {
                    throw new CliException("device " + g.name + " answered " + answer.responseCode().orElse("nothing")
                            + " to PUT /v1/bootstrap");
                }
                answers.add(g.name + " " + answer.responseCode().orElseThrow());
            }
            return "answers: " + String.join(", ", answers);
        });
        steps.run("gateways re-bootstrap and report presence to owner B", () -> awaitPresence(ownerB, infoB));
        steps.run("old owner A locked out: the Owner API refuses it", this::ownerApiRefusesOldOwner);
        steps.run("old owner A locked out: its DTLS handshakes to both devices fail", this::oldOwnerHandshakesFail);
        steps.run("owner B issues a data channel A <-> B", () -> issueChannel(ownerB));
        steps.run("ping B over the new data channel (gateway A's console)", this::ping);
    }

    // ---- the authority side, in this JVM ----

    private String startAuthority() throws AuthorityException {
        Home h = demoHome();
        Path data = Home.createDirectory(options.dir().resolve("authority").toAbsolutePath());
        Credentials.KeyAndCertificate maker = Credentials.manufacturer(h, h.directory(Home.MANUFACTURER), random);
        ta = TrustedAuthorityServer.start(AuthoritySettings.embedded(data, 0, 0, List.of(maker.certificate())));
        return "HTTPS " + ta.httpsUri() + ", bootstrap coaps://127.0.0.1:" + ta.bootstrapAddress().getPort();
    }

    /** Starts (and on first start registers) a management server and writes the authority info the tool reads. */
    private ManagementServer startOwner(String name, String passwordFile, Path infoFile) throws Exception {
        Path data = Home.createDirectory(options.dir().resolve("authority").resolve("owner-" + name));
        Path password = home.resolve(passwordFile);
        Home.createDirectory(password.getParent());
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Home.writePrivate(password, secret + "\n");
        ManagementServer server = ManagementServer.start(ManagementSettings.embedded(data, ta.httpsUri(),
                ta.caCertificate(), 0, INSTALLER, secret, new InetSocketAddress("127.0.0.1", freeUdpPort(1))));
        X509Certificate tls = server.tlsCertificate();
        AuthorityInfo info = new AuthorityInfo(ta.httpsUri(), ta.caCertificate(), ta.identityServiceKey(),
                ta.trustedAuthorityKey(), ta.trustedAuthorityRsaKey(),
                Optional.of(new AuthorityInfo.Management(server.registrationUri(), tls, server.mgmtId(), INSTALLER)),
                Optional.of("127.0.0.1:" + ta.bootstrapAddress().getPort()));
        Home.createDirectory(infoFile.getParent());
        Home.writePublic(infoFile, Json.write(info.toJson()));
        return server;
    }

    // ---- the tool's own commands, in this JVM ----

    /**
     * The environment the demo's commands see: the user's, and unless it names a home passphrase, a passphrase file
     * of this demo directory (0600, made on first use) — the demo's home is a throwaway, its keys are still sealed.
     */
    private Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        if (!environment.containsKey(HomePassphrase.ENV) && !environment.containsKey(HomePassphrase.ENV_FILE)) {
            Path file = options.dir().resolve("home-passphrase");
            if (!Files.isRegularFile(file)) {
                byte[] bytes = new byte[18];
                random.nextBytes(bytes);
                Home.createDirectory(options.dir().toAbsolutePath());
                Home.writePrivate(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
            }
            environment.put(HomePassphrase.ENV_FILE, file.toAbsolutePath().toString());
        }
        return environment;
    }

    private Home demoHome() {
        return new Home(home, new HomePassphrase(Optional.empty(), environment(), null), line -> out.println("note: " + line));
    }

    /** Runs an {@code assure} command in-process; its stdout, or a {@link CliException} with its error line. */
    private String cli(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = AssureMain.commandLine(InputStream.nullInputStream(), new PrintWriter(stdout, true),
                new PrintWriter(stderr, true), java.time.Clock.systemUTC(), Lifecycle.untilExit(), environment())
                .execute(args);
        if (code != AssureMain.EXIT_OK) {
            String error = stderr.toString().strip().replaceFirst("^error: ", "");
            throw new CliException("assure " + args[0] + " " + args[1] + ": " + (error.isEmpty() ? "exit " + code : error));
        }
        return stdout.toString();
    }

    private String manufacture(Gateway g, String kind) {
        Path devices = options.dir().resolve("devices");
        Map<String, Object> json = Json.parseObject(cli("manufacture", "--kind", kind, "--home", home.toString(),
                "--out", devices.toString(), "--json"), "manufacture");
        Map<?, ?> device = (Map<?, ?>) ((List<?>) json.get("devices")).get(0);
        g.device = UUID.fromString((String) device.get("device"));
        g.identity = Path.of((String) device.get("identity_file"));
        g.passphrase = Path.of((String) device.get("passphrase_file"));
        g.qr = Path.of((String) device.get("qr_png"));
        return g.device + ": " + options.dir().relativize(g.identity) + ", " + options.dir().relativize(g.qr);
    }

    /** Decodes the QR picture as a phone would, then registers the device with the owner's management server. */
    private String claim(Gateway g, ManagementServer owner, Path info, Path password) {
        QrPayload payload = QrImageReader.read(g.qr);
        if (!payload.deviceId().equals(g.device)) {
            throw new CliException(g.qr + " names device " + payload.deviceId() + ", not " + g.device);
        }
        List<String> args = new ArrayList<>(List.of("device", "register", "--qr", g.qr.toString(),
                "--home", home.toString()));
        if (info != null) {
            args.addAll(List.of("--authority-info", info.toString(), "--installer-password-file", password.toString()));
        }
        cli(args.toArray(String[]::new));
        return "QR -> " + g.device + ", registered with " + owner.mgmtId();
    }

    private long status(Gateway g, Path info) {
        List<String> args = new ArrayList<>(List.of("device", "status", g.device.toString(), "--home", home.toString(),
                "--json"));
        if (info != null) {
            args.addAll(List.of("--authority-info", info.toString(), "--installer-password-file", passwordB.toString()));
        }
        Object status = Json.parseObject(cli(args.toArray(String[]::new)), "device status").get("status");
        return status instanceof Number n ? n.longValue() : -1;
    }

    // ---- the gateways ----

    private String startGateways() throws Exception {
        if (!Files.isRegularFile(options.gatewayJar())) {
            throw new CliException("no gateway runtime at " + options.gatewayJar()
                    + " (build it: mvn -B -pl distribution/gateway -am package -DskipTests)");
        }
        int http = options.httpPort();
        for (Gateway g : gateways()) {
            g.home = options.dir().resolve("gateway-" + g.name.toLowerCase(Locale.ROOT));
            http = freeTcpPort(http);
            int mgmt = freeUdpPort(2);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("assure.home", g.home.toString());
            properties.put("assure.http.port", Integer.toString(http));
            properties.put("assure.console.user", options.consoleUser());
            properties.put("assure.console.password", options.consolePassword());
            properties.put("assure.bind", "127.0.0.1");
            properties.put("assure.mgmt.port", Integer.toString(mgmt));
            properties.put("assure.data.port", Integer.toString(mgmt + 1));
            properties.put("assure.bootstrap.host", "127.0.0.1");
            properties.put("assure.bootstrap.port", Integer.toString(ta.bootstrapAddress().getPort()));
            properties.put("assure.identity", g.identity.toString());
            properties.put("assure.passphrase.file", g.passphrase.toString());
            g.process = GatewayProcess.start(g.name, options.java(), options.gatewayJar(), g.home, options.jvmOptions(),
                    properties);
            http++;
        }
        List<String> started = new ArrayList<>();
        for (Gateway g : gateways()) {
            g.ready = g.process.awaitReady(options.timeout());
            if (!g.ready.device().equals(g.device)) {
                throw new CliException("gateway " + g.name + " runs device " + g.ready.device() + ", not " + g.device);
            }
            g.console = new GatewayConsole(g.ready.httpPort(), options.consoleUser(), options.consolePassword());
            started.add(g.name + ": http " + g.ready.httpPort() + ", mgmt " + g.ready.managementPort() + ", data "
                    + g.ready.dataPort());
        }
        return String.join("; ", started);
    }

    private String awaitPresence(ManagementServer owner, Path info) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + options.timeout().toNanos();
        List<String> seen = new ArrayList<>();
        for (Gateway g : gateways()) {
            while (status(g, info) != PRESENT) {
                if (!g.process.alive()) {
                    throw new CliException("gateway " + g.name + " exited (see " + g.process.log() + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new CliException("no presence of device " + g.name + " at " + owner.mgmtId() + " within "
                            + options.timeout().toSeconds() + " s; gateway says bootstrap " + bootstrapState(g)
                            + " (see " + g.process.log() + ")");
                }
                Thread.sleep(200);
            }
            seen.add(g.name + " after " + (System.nanoTime() - start) / 1_000_000 + " ms (" + bootstrapState(g) + ")");
        }
        return "present: " + String.join(", ", seen);
    }

    private static String bootstrapState(Gateway g) {
        try {
            GatewayConsole.Status status = g.console.status();
            return status.bootstrapState() + (status.lastOutcome().isEmpty() ? "" : ", last " + status.lastOutcome());
        } catch (CliException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private String issueChannel(ManagementServer owner) throws AuthorityException {
        ChannelIssuance issued = owner.issueChannel(a.device, b.device);
        if (!issued.complete()) {
            throw new CliException("not pushed completely: " + (issued.deviceErrors().isEmpty()
                    ? issued.channels() : issued.deviceErrors()));
        }
        List<String> codes = new ArrayList<>();
        issued.channels().forEach(c -> c.requests().forEach(r -> codes.add(r.method() + " " + r.path() + " "
                + r.responseCode().orElse("-"))));
        return issued.channels().size() + " channel (" + issued.channels().get(0).kind() + "), " + codes.size()
                + " requests accepted";
    }

    private String ping() throws InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        String payload = "hello from A " + UUID.randomUUID().toString().substring(0, 8);
        String last = "no data channel on gateway A";
        while (System.nanoTime() < deadline) {
            Optional<GatewayConsole.Channel> channel = a.console.status().dataChannel();
            if (channel.isPresent()) {
                GatewayConsole.Ping ping = a.console.ping(channel.get().id(), payload);
                if (ping.ok()) {
                    if (!payload.equals(ping.echo())) {
                        throw new CliException("the echo differs from what was sent: " + ping.echo());
                    }
                    long id = channel.get().id();
                    // the state listed before the ping may predate the handshake the ping waited for
                    String state = a.console.status().channels().stream().filter(c -> c.id() == id)
                            .map(GatewayConsole.Channel::state).findFirst().orElse("?");
                    return "channel " + id + " (" + state + ", peer key " + channel.get().peer() + "): echo \""
                            + ping.echo() + "\" in " + ping.rttMillis() + " ms";
                }
                last = "channel " + channel.get().id() + " (" + channel.get().state() + "): " + ping.error();
            }
            Thread.sleep(500);
        }
        throw new CliException("no echo within " + options.timeout().toSeconds() + " s; last: " + last);
    }

    // ---- the old owner locked out ----

    private String ownerApiRefusesOldOwner() throws AuthorityException {
        List<String> refused = new ArrayList<>();
        for (Gateway g : gateways()) {
            try {
                ownerA.transfer(g.device, ownerA.mgmtId());
            } catch (AuthorityException e) {
                if (e.kind() != ErrorKind.FORBIDDEN) {
                    throw e;
                }
                refused.add(g.name + ": " + e.getMessage());
                continue;
            }
            throw new CliException("the Trusted Authority let the old owner take device " + g.name + " back");
        }
        return "transfer back refused: " + String.join(", ", refused);
    }

    private String oldOwnerHandshakesFail() {
        List<CompletableFuture<String>> checks = new ArrayList<>();
        for (Gateway g : gateways()) {
            Supplier<String> check = () -> {
                try {
                    PushedRequest answer = ownerA.requestBootstrap(g.device);
                    throw new CliException("device " + g.name + " still accepted the old owner's DTLS session (answered "
                            + answer.responseCode().orElse("nothing") + ")");
                } catch (AuthorityException e) {
                    if (e.kind() != ErrorKind.UNAVAILABLE || e.getCause() == null) {
                        throw new CliException("device " + g.name + ": unexpected " + e.kind() + " " + e.getMessage());
                    }
                    // the transport's reason names the socket pair; the reason itself is what matters here
                    return g.name + ": " + String.valueOf(e.getCause().getMessage())
                            .replaceAll("DTLS handshake with IpAddress\\[[^\\]]*\\]", "DTLS handshake");
                }
            };
            checks.add(CompletableFuture.supplyAsync(check));
        }
        List<String> failed = new ArrayList<>();
        for (CompletableFuture<String> c : checks) {
            try {
                failed.add(c.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof CliException cli ? cli : new CliException(DemoSteps.reason(e.getCause()));
            }
        }
        return String.join("; ", failed);
    }

    // ---- ports ----

    /** {@code preferred} if free on loopback and any address, else the next free one above it. */
    private static int freeTcpPort(int preferred) {
        for (int port = preferred; port < preferred + 100 && port <= 65535; port++) {
            try (ServerSocket any = new ServerSocket(port)) {
                any.setReuseAddress(true);
                return port;
            } catch (IOException e) {
                // taken: try the next
            }
        }
        throw new CliException("no free TCP port from " + preferred);
    }

    /** A UDP port {@code p} on loopback such that {@code p .. p+count-1} are all free. */
    private static int freeUdpPort(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket first = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                int port = first.getLocalPort();
                if (port + count - 1 > 65535) {
                    continue;
                }
                boolean free = true;
                for (int i = 1; i < count && free; i++) {
                    try (DatagramSocket next = new DatagramSocket(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port + i))) {
                        free = next.getLocalPort() == port + i;
                    } catch (IOException e) {
                        free = false;
                    }
                }
                if (free) {
                    return port;
                }
            } catch (IOException e) {
                // try again
            }
        }
        throw new CliException("no free UDP ports");
    }

    // ---- the end ----

    boolean anyGatewayRunning() {
        return gateways().stream().anyMatch(g -> g.process != null && g.process.alive());
    }

    /** How to reach the consoles, for people. */
    void printConsoles() {
        for (Gateway g : gateways()) {
            if (g.console == null) {
                continue;
            }
            out.println(g.label() + ":");
            out.println("  aSSURE status:  " + g.console.page());
            out.println("  configuration:  " + g.console.configuration());
            out.println("  login:          " + options.consoleUser() + " / " + options.consolePassword());
            out.println("  log:            " + g.process.log());
        }
        out.flush();
    }

    /** Stops the gateways (they say goodbye), then the management servers, then the Trusted Authority. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Gateway g : gateways()) {
            if (g.process != null) {
                stops.add(CompletableFuture.runAsync(g.process::close));
            }
        }
        stops.forEach(CompletableFuture::join);
        if (ownerB != null) {
            ownerB.close();
        }
        if (ownerA != null) {
            ownerA.close();
        }
        if (ta != null) {
            ta.close();
        }
    }
}
