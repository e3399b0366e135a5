package org.assure.distribution.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The gateway jar as a real child process ({@code java -D… -jar assure-gateway.jar}): its standard output lines as
 * they come, its standard error in a log file, HTTP to its web console with basic authentication.
 */
final class GatewayProcess implements AutoCloseable {
    static final Duration STARTUP = Duration.ofSeconds(180);
    static final String PASSWORD = "console-" + Long.toHexString(System.nanoTime());

    final Process process;
    final List<String> stdout = new CopyOnWriteArrayList<>();
    final int httpPort;
    final long startedNanos = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Thread reader;

    private GatewayProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    stdout.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "gateway-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static Path jar() {
        return Path.of(System.getProperty("assure.gateway.jar", "target/assure-gateway.jar"));
    }

    static Path target() {
        return Path.of(System.getProperty("assure.gateway.target", "target"));
    }

    /** Starts the jar with {@code -Dassure.<key>=<value>} for each option; standard error goes to {@code log}. */
    static GatewayProcess start(Map<String, String> options, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        options.forEach((key, value) -> command.add("-Dassure." + key + "=" + value));
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new GatewayProcess(process, Integer.parseInt(options.getOrDefault("http.port", "8080")));
    }

    /** Waits for the READY or FAILED line; empty if the process ended or the time ran out first. */
    Optional<String> awaitReport(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : stdout) {
                if (line.startsWith("ASSURE-GATEWAY READY") || line.startsWith("ASSURE-GATEWAY FAILED")) {
                    return Optional.of(line);
                }
            }
            if (!process.isAlive() && process.waitFor(0, TimeUnit.SECONDS)) {
                Thread.sleep(200);
                return stdout.stream().filter(l -> l.startsWith("ASSURE-GATEWAY")).findFirst();
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    HttpResponse<String> get(String path, String password) throws IOException, InterruptedException {
        return http.send(request(path, password).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(request(path, PASSWORD).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String password) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials);
    }

    /** SIGTERM, then the exit code (or -1 if it did not end in time). */
    int terminate(Duration timeout) throws InterruptedException {
        // through the handle: Process.destroy() would also close our end of its output, losing the last lines
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    /** Waits for the process to end and its output to be read; the exit code, or -1 if it did not end in time. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        reader.join(10_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
