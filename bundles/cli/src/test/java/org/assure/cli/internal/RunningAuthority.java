package org.assure.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code assure authority start} run in-process on ephemeral ports in a temporary home, for tests that drive the
 * other commands against it; {@link #close} tells the command to stop and waits for it.
 */
final class RunningAuthority implements AutoCloseable {
    private static final long START_LIMIT_SECONDS = 60;
    final Path home;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CompletableFuture<Integer> exit;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private RunningAuthority(Path home) {
        this.home = home;
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
        exit = CompletableFuture.supplyAsync(() -> AssureMain.commandLine(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC(), lifecycle, CliRun.ENVIRONMENT)
                .execute("authority", "start", "--home", home.toString(), "--https-port", "0",
                        "--management-port", "0", "--coap-port", "0", "--management-coap-port",
                        Integer.toString(freeUdpPort())));
    }

    /** A UDP port free right now (the management endpoint's port must be given, not chosen by the system). */
    static int freeUdpPort() {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RunningAuthority start(Path home) throws Exception {
        RunningAuthority authority = new RunningAuthority(home);
        boolean up = false;
        for (int i = 0; i < START_LIMIT_SECONDS * 10 && !up; i++) {
            up = authority.started.await(100, TimeUnit.MILLISECONDS);
            if (!up && authority.exit.isDone()) {
                throw new IllegalStateException("authority start ended with " + authority.exit.get() + ": " + authority.err);
            }
        }
        if (!up) {
            throw new IllegalStateException("authority did not start: " + authority.err);
        }
        return authority;
    }

    /** The authority info file the command wrote. */
    Path info() {
        return home.resolve("authority").resolve("authority.json");
    }

    String out() {
        return out.toString();
    }

    @Override
    public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        stop.countDown();
        try {
            exit.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
