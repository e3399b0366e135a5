package org.assure.distribution.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped artifacts as a user gets them: the server archive unpacked with tar, its start script run as a real
 * process until it serves, the attached CLI jar used against it (manufacture uploads a device to the Trusted
 * Authority over HTTPS), and SIGTERM stopping it without a failure.
 */
class AuthorityServerIT {
    /** Bounds so that a hung process fails the build instead of stalling it; far above the usual seconds. */
    private static final long START_LIMIT_SECONDS = 180;
    private static final long PROCESS_LIMIT_SECONDS = 300;

    private static final Path ARCHIVE = Path.of(System.getProperty("assure.server.archive"));
    private static final Path CLI_JAR = Path.of(System.getProperty("assure.cli.jar"));
    private static final String VERSION = System.getProperty("assure.version");

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void theServerArchiveStartsTheAuthorityTheCliJarTalksToItAndSigtermStopsIt() throws Exception {
        Path top = unpack();
        Path script = top.resolve("bin/assure-authority");
        assertThat(Files.isExecutable(script)).as("bin/assure-authority is executable").isTrue();
        assertThat(Files.isExecutable(top.resolve("bin/assure"))).as("bin/assure is executable").isTrue();
        try (Stream<Path> lib = Files.list(top.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("org.assure.authority-"))
                    .anyMatch(n -> n.startsWith("org.assure.cli-"))
                    .anyMatch(n -> n.startsWith("h2-"))
                    .noneMatch(n -> n.startsWith("org.assure.kura.api"));
        }
        Path home = dir.resolve("home");
        int presencePort = freeUdpPort();
        Process server = new ProcessBuilder(script.toString(), "--home", home.toString(), "--https-port", "0",
                "--management-port", "0", "--coap-port", "0", "--management-coap-port", Integer.toString(presencePort))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e + ")");
            }
        }, "authority-output");
        reader.start();
        List<String> seen = new ArrayList<>();
        try {
            awaitLine(lines, seen, "authority info:");
            assertThat(seen).anyMatch(l -> l.startsWith("aSSURE authority running"))
                    .anyMatch(l -> l.startsWith("trusted authority:    https://"));
            assertThat(home.resolve("authority/authority.json")).isRegularFile();

            // the CLI jar, as a separate process, manufactures one device and uploads it to the running authority
            Run manufacture = run(List.of(java(), "-jar", CLI_JAR.toString(), "manufacture", "--home", home.toString(),
                    "--count", "1", "--iterations", "10000", "--json"));
            assertThat(manufacture.exitCode()).as(manufacture.err()).isZero();
            try (Stream<Path> devices = Files.list(home.resolve("devices"))) {
                assertThat(devices.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".png"));
            }
        } finally {
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)).as("server stopped").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        lines.drainTo(seen);
        // SIGTERM ends the JVM (exit 128 + 15) after the tool's shutdown hook closed both servers; nothing failed
        assertThat(server.exitValue()).as(String.join("\n", seen)).isEqualTo(143);
        assertThat(seen).as("no stack trace").noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
    }

    @Test
    void theCliJarRunsOnItsOwn() throws Exception {
        Run version = run(List.of(java(), "-jar", CLI_JAR.toString(), "--version"));
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("assure " + VERSION + "\n");
        try (JarFile jar = new JarFile(CLI_JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.assure.cli.internal.AssureMain");
        }
    }

    private Path unpack() throws IOException, InterruptedException {
        assertThat(ARCHIVE).as("built server archive").isRegularFile();
        Path into = Files.createDirectories(dir.resolve("unpacked"));
        Run tar = run(List.of("tar", "-xzf", ARCHIVE.toString(), "-C", into.toString()));
        assertThat(tar.exitCode()).as(tar.err()).isZero();
        Path top = into.resolve("assure-authority-" + VERSION);
        assertThat(top).as("one top directory").isDirectory();
        return top;
    }

    private static void awaitLine(BlockingQueue<String> lines, List<String> seen, String prefix)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return;
                }
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in time; output:\n" + String.join("\n", seen));
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
