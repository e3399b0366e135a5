package org.assure.kura.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Mosquitto broker (Debian package {@code mosquitto}) on a free loopback port, with a generated configuration:
 * anonymous clients, no persistence, log to stderr. Ready once it logs that it is running; killed on close.
 */
final class Mosquitto implements AutoCloseable {
    static final Path BINARY = Path.of(System.getProperty("assure.mosquitto", "/usr/sbin/mosquitto"));

    private final Process process;
    private final int port;
    private final List<String> log = new ArrayList<>();

    private Mosquitto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Mosquitto start(Path directory) throws IOException, InterruptedException, TimeoutException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " missing: install the Debian package mosquitto");
        }
        int port = freeLoopbackPort();
        Path config = directory.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                ""), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString()).redirectErrorStream(true)
                .start();
        Mosquitto broker = new Mosquitto(process, port);
        CompletableFuture<Void> running = new CompletableFuture<>();
        Thread reader = new Thread(() -> broker.readLog(running), "mosquitto-log");
        reader.setDaemon(true);
        reader.start();
        try {
            running.get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            broker.close();
            throw new IllegalStateException("mosquitto did not start: " + broker.log(), e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private void readLog(CompletableFuture<Void> running) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (log) {
                    log.add(line);
                }
                // "mosquitto version 2.0.11 running" follows the listener setup
                if (line.contains(" running")) {
                    running.complete(null);
                }
            }
            running.completeExceptionally(new IllegalStateException("mosquitto exited"));
        } catch (IOException e) {
            running.completeExceptionally(e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The broker's URI for Paho. */
    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
