package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar and the {@code bin/assure} launcher as real processes, after {@code package} built the jar
 * (failsafe, {@code verify} phase). Paths come from the pom: {@code assure.cli.jar}, {@code assure.repo.root}.
 */
class AssureLauncherIT {
    /** A bound so that a hung process fails the build instead of stalling it; far above the usual second. */
    private static final long PROCESS_LIMIT_SECONDS = 300;

    private static final Path JAR = Path.of(System.getProperty("assure.cli.jar"));
    private static final Path ROOT = Path.of(System.getProperty("assure.repo.root")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("assure.version");

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("assure-out", ".txt");
        Path err = Files.createTempFile("assure-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)).as("process finished").isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void given_the_launcher_script_when_asked_for_the_version_then_it_prints_the_project_version() throws Exception {
        Run run = run(List.of(ROOT.resolve("bin/assure").toString(), "--version"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("assure " + VERSION + "\n");
    }

    @Test
    void given_the_launcher_script_when_inspecting_the_sample_image_then_a_tree_and_exit_0() throws Exception {
        Run run = run(List.of(ROOT.resolve("bin/assure").toString(), "inspect", "samples/bootstrap-image.cbor"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("bootstrap image (draft §15.5)\n");
    }

    @Test
    void given_the_jar_when_reading_a_missing_file_then_one_error_line_and_exit_2() throws Exception {
        Run run = run(List.of(java(), "-jar", JAR.toString(), "inspect", "no/such/file.cbor"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: cannot read no/such/file.cbor: no such file\n");
    }

    @Test
    void given_the_jar_when_sealing_an_envelope_then_bouncycastle_works_unsigned() throws Exception {
        Path dir = Files.createTempDirectory("assure-it");
        Path envelope = dir.resolve("secret.cms");
        Path publicKey = dir.resolve("public.pem");
        Files.writeString(publicKey, TestKeys.publicPem(TestKeys.ec()));

        Run run = run(List.of(java(), "-jar", JAR.toString(), "envelope", "--recipient", publicKey.toString(),
                "--key-id", "11111111-2222-3333-4444-555555555555", "--secret", "00".repeat(16), "--out", envelope.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.size(envelope)).isPositive();
    }

    @Test
    void given_the_shaded_jar_then_no_signature_files_and_a_main_class() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> signatures = new ArrayList<>();
            for (var entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("META-INF/") && name.indexOf('/', 9) < 0
                        && (name.endsWith(".SF") || name.endsWith(".DSA") || name.endsWith(".RSA") || name.endsWith(".EC"))) {
                    signatures.add(name);
                }
            }
            assertThat(signatures).isEmpty();
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(AssureMain.class.getName());
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
