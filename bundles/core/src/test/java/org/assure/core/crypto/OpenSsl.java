package org.assure.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Runs the {@code openssl} command line tool (OpenSSL 3) as the independent peer of interoperability tests. */
final class OpenSsl {
    private static final Path BINARY = find();

    private OpenSsl() {
    }

    /** Skips the calling test when no openssl binary is installed. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(BINARY != null, "openssl binary not found");
    }

    /** The result of one run. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Runs openssl in {@code directory} and fails the test unless it exits 0. */
    static Result ok(Path directory, String... arguments) {
        Result result = run(directory, arguments);
        assertThat(result.exitCode()).as("openssl %s: %s", String.join(" ", arguments), result.stderr()).isZero();
        return result;
    }

    static Result run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl did not finish: " + command);
            }
            return new Result(process.exitValue(), stdout.join(), new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find() {
        Path usual = Path.of("/usr/bin/openssl");
        if (Files.isExecutable(usual)) {
            return usual;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(directory, "openssl");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
