package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelState;
import org.assure.itests.gateway.Gateway;
import org.assure.itests.gateway.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code assure} tool end to end with real gateways: {@code authority start} (in this JVM), {@code manufacture}
 * writes the factory identity files the gateways' keystores open, {@code device register --qr} claims them at
 * the management server, the gateways bootstrap from the Bootstrap API and report presence, and
 * {@code channel create} pushes a data channel that opens and carries a ping: exit 0.
 */
class ChannelCreateCliIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Map<String, String> ENVIRONMENT = Map.of(HomePassphrase.ENV, "gateway test passphrase");
    private static Path dir;
    private static Path home;
    private static int dataPort;
    private static final CountDownLatch started = new CountDownLatch(1);
    private static final CountDownLatch stop = new CountDownLatch(1);
    private static final StringWriter authorityErr = new StringWriter();
    private static CompletableFuture<Integer> authority;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("assure-cli-gateways");
        home = dir.resolve("home");
        dataPort = Ports.commonFreePort("127.0.0.5", "127.0.0.6");
        String managementCoapPort = Integer.toString(Ports.freeUdpPort());
        Lifecycle lifecycle = new Lifecycle() {
            @Override
            public void started() {
                started.countDown();
            }

            @Override
            public void awaitStop() throws InterruptedException {
                stop.await();
            }
        };
        authority = CompletableFuture.supplyAsync(() -> AssureMain.commandLine(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter(), true), new PrintWriter(authorityErr, true), Clock.systemUTC(),
                lifecycle, ENVIRONMENT).execute("authority", "start", "--home", home.toString(), "--https-port", "0",
                "--management-port", "0", "--coap-port", "0", "--management-coap-port", managementCoapPort,
                "--device-data-port", Integer.toString(dataPort)));
        long end = System.nanoTime() + WAIT.toNanos();
        while (!started.await(100, TimeUnit.MILLISECONDS)) {
            if (authority.isDone() || System.nanoTime() > end) {
                throw new IllegalStateException("authority start failed: " + authorityErr);
            }
        }
    }

    @AfterAll
    static void stopAuthority() throws Exception {
        stop.countDown();
        if (authority != null) {
            assertThat(authority.get(60, TimeUnit.SECONDS)).isZero();
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    static Run assure(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AssureMain.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), Clock.systemUTC(), Lifecycle.untilExit(), ENVIRONMENT).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void channel_create_pushes_a_channel_between_two_present_gateways_that_opens_and_carries_a_ping()
            throws Exception {
        Run made = assure("manufacture", "--home", home.toString(), "--kind", "ec", "--count", "2",
                "--iterations", "10000", "--json");
        assertThat(made.exitCode()).as(made.err()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) Json.parseObject(made.out(), "stdout")
                .get("devices");
        Map<String, Object> info = Json.parseObject(Files.readString(home.resolve("authority").resolve("authority.json")),
                "authority.json");
        String[] bootstrap = ((String) info.get("bootstrap_coap")).split(":");
        InetSocketAddress bootstrapServer = new InetSocketAddress(bootstrap[0], Integer.parseInt(bootstrap[1]));

        for (Map<String, Object> device : devices) {
            Run registered = assure("device", "register", "--home", home.toString(), "--qr", (String) device.get("qr_png"));
            assertThat(registered.exitCode()).as(registered.err()).isZero();
        }
        Map<String, Object> first = devices.get(0);
        Map<String, Object> second = devices.get(1);
        try (Gateway a = gateway(first, "127.0.0.5", bootstrapServer);
                Gateway b = gateway(second, "127.0.0.6", bootstrapServer)) {
            for (Gateway g : List.of(a, b)) {
                await(() -> {
                    Run status = assure("device", "status", g.id().toString(), "--home", home.toString(), "--json");
                    return status.exitCode() == 0 && Json.parseObject(status.out(), "stdout").get("status")
                            .toString().equals("3");
                }, "presence of " + g.id() + " per 'device status'");
            }

            Run created = assure("channel", "create", a.id().toString(), b.id().toString(), "--home", home.toString());
            assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
            assertThat(created.err()).isEmpty();
            assertThat(created.out().lines().toList()).first().isEqualTo("star over 2 devices: 1 channel pushed");
            assertThat(created.out()).contains(a.id() + " <-> " + b.id() + " DEVICE_KEYS_EC");

            await(() -> a.dataChannelTo(b).map(c -> c.state() == ChannelState.OPEN).orElse(false)
                    && b.dataChannelTo(a).map(c -> c.state() == ChannelState.OPEN).orElse(false), "channel open");
            ManagedChannel channel = a.dataChannelTo(b).orElseThrow();
            byte[] text = "across the pushed channel".getBytes(StandardCharsets.UTF_8);
            ManagementResponse pong = a.channels().send(channel.id(), new ManagementRequest(ManagementMethod.GET,
                    List.of("v1", "ping"), List.of(), OptionalInt.of(0), Bytes.of(text))).toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
            assertThat(pong.status()).isEqualTo(ManagementStatus.CONTENT);
            assertThat(pong.payload().toByteArray()).isEqualTo(text);
        }
    }

    private Gateway gateway(Map<String, Object> device, String address, InetSocketAddress bootstrapServer)
            throws Exception {
        Path identity = Path.of((String) device.get("identity_file"));
        String passphrase = Files.readString(Path.of((String) device.get("passphrase_file"))).strip();
        return new Gateway(dir.resolve("gw-" + device.get("device")), address, dataPort, identity, passphrase,
                bootstrapServer).start();
    }
}
