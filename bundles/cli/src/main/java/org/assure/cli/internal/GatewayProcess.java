package org.assure.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One standalone gateway runtime ({@code assure-gateway.jar}, contract in docs) as a child process of the demo.
 *
 * <p>The JVM is started under a small {@code /bin/sh} guard that holds the read end of a pipe from us: when this
 * JVM ends for any reason — Ctrl-C, an exception, even {@code kill -9} — the pipe closes, the guard sends the
 * gateway SIGTERM (so it says goodbye) and waits for it. No gateway outlives the demo. Its stdout and stderr go to
 * {@code gateway.log} in its data directory; the demo reads that file for the runtime's one-line
 * {@code ASSURE-GATEWAY READY|FAILED} report.
 */
final class GatewayProcess implements AutoCloseable {
    /** The runtime's start report (contract): {@code ASSURE-GATEWAY READY http=N mgmt=N data=N device=UUID}. */
    private static final Pattern READY = Pattern.compile(
            "ASSURE-GATEWAY READY http=(\\d+) mgmt=(\\d+) data=(\\d+) device=([0-9a-fA-F-]{36})");
    private static final Pattern FAILED = Pattern.compile("ASSURE-GATEWAY FAILED ?(.*)");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    /**
     * The guard: starts the command given as its arguments in the background, and a reader of our pipe that
     * terminates it at end of input (we closed the pipe, or this JVM died); forwards SIGTERM/SIGINT/SIGHUP to it;
     * ends with its exit code when it ends. Background jobs of a non-interactive shell ignore SIGINT, so a Ctrl-C
     * in the terminal reaches only the demo, which stops the gateways in order (before the servers they say
     * goodbye to). Asynchronous lists read /dev/null unless redirected, hence the pipe on descriptor 3.
     */
    private static final String GUARD = "exec 3<&0 </dev/null\n"
            + "\"$@\" 3<&- & child=$!\n"
            + "(while read -r _; do :; done; kill -TERM $child 2>/dev/null) <&3 3<&- & reader=$!\n"
            + "exec 3<&-\n"
            + "trap 'kill -TERM $child 2>/dev/null' TERM INT HUP\n"
            + "wait $child; status=$?\n"
            + "while kill -0 $child 2>/dev/null; do wait $child; status=$?; done\n"
            + "kill $reader 2>/dev/null\n"
            + "exit $status\n";

    /** What the runtime reported when it was ready. */
    record Ready(int httpPort, int managementPort, int dataPort, UUID device) {
    }

    private final String name;
    private final Path log;
    private final Process process;
    private final OutputStream lifeline;

    private GatewayProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.lifeline = process.getOutputStream();
    }

    /**
     * Starts {@code java [jvmOptions] -Dk=v... -jar jar} under the guard, in {@code home}.
     *
     * @param properties the runtime's {@code assure.*} system properties (contract)
     */
    static GatewayProcess start(String name, Path java, Path jar, Path home, List<String> jvmOptions,
            Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", GUARD, "assure-gateway-guard",
                java.toString()));
        command.addAll(jvmOptions);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Path log = home.resolve("gateway.log");
        try {
            Files.createDirectories(home);
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new GatewayProcess(name, log, process);
        } catch (IOException e) {
            throw new CliException("cannot start gateway " + name + ": " + Inputs.reason(e));
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** The guard's process id (the gateway JVM is its only child). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits for the runtime's READY line.
     *
     * @throws CliException if it reports FAILED, exits, or says nothing within {@code timeout}
     */
    Ready awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Ready> ready = scan();
            if (ready.isPresent()) {
                return ready.get();
            }
            if (!process.isAlive()) {
                throw new CliException("gateway " + name + " exited with code " + process.exitValue()
                        + " before it was ready (see " + log + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new CliException("gateway " + name + " was not ready within " + timeout.toSeconds()
                        + " s (see " + log + ")");
            }
            Thread.sleep(100);
        }
    }

    private Optional<Ready> scan() {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                return Optional.of(new Ready(Integer.parseInt(ready.group(1)), Integer.parseInt(ready.group(2)),
                        Integer.parseInt(ready.group(3)), UUID.fromString(ready.group(4))));
            }
            Matcher failed = FAILED.matcher(line);
            if (failed.find()) {
                throw new CliException("gateway " + name + " failed to start: " + failed.group(1).strip()
                        + " (see " + log + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Stops the gateway: closing the pipe makes the guard send SIGTERM and wait (the runtime says goodbye);
     * whatever is still running after {@link #STOP_TIMEOUT} is killed.
     */
    @Override
    public void close() {
        try {
            lifeline.close();
        } catch (IOException e) {
            // the guard is gone already; what is left is killed below
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        // The guard waited for its child; this only matters if the guard itself was killed.
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
