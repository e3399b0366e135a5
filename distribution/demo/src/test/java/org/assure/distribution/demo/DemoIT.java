package org.assure.distribution.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's main command end to end: {@code assure demo --once} as a real process, with the real gateway runtime
 * jar — a Trusted Authority and two owners, two gateway processes, manufacture, claim by QR, bootstrap, a data
 * channel and a ping across it, change of owner and the old owner locked out. Every step must pass, and no gateway
 * process may outlive the demo.
 */
class DemoIT {
    /** A hung demo fails the build instead of stalling it; it normally takes well under a minute. */
    private static final long LIMIT_SECONDS = 240;
    private static final Path CLI = Path.of(System.getProperty("assure.cli.jar")).toAbsolutePath().normalize();
    private static final Path GATEWAY = Path.of(System.getProperty("assure.gateway.jar")).toAbsolutePath().normalize();
    private static final Path DIR = Path.of(System.getProperty("assure.demo.dir")).toAbsolutePath().normalize();

    @Test
    void given_the_tool_and_the_gateway_runtime_when_the_demo_runs_once_then_every_step_passes_and_nothing_is_left_running()
            throws Exception {
        deleteRecursively(DIR);
        Path out = Files.createTempFile("demo-out", ".txt");
        Path err = Files.createTempFile("demo-err", ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();

        Process demo = new ProcessBuilder(java, "-jar", CLI.toString(), "demo", "--once", "--dir", DIR.toString(),
                "--gateway-jar", GATEWAY.toString(), "--http-port", "18081")
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished = demo.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        System.out.println(stdout);
        System.out.println("demo took " + seconds + " s");

        assertThat(finished).as("the demo finished within %d s", LIMIT_SECONDS).isTrue();
        assertThat(demo.exitValue()).as(stdout + stderr + logs()).isZero();
        assertThat(stdout).contains("19 of 19 steps passed, 0 failed, 0 skipped");
        // Each step was printed as it happened, then in the summary table.
        Matcher passed = Pattern.compile("(?m)^\\s*\\d+  .*  PASS  ").matcher(stdout);
        assertThat(passed.results().count()).isEqualTo(19);
        assertThat(stdout).contains("ping B over the data channel", "echo \"hello from A",
                "old owner A locked out: its DTLS handshakes to both devices fail");
        assertThat(Files.readString(DIR.resolve("summary.json"))).contains("\"passed\" : true")
                .doesNotContain("\"FAIL\"", "\"SKIP\"");
        // No orphans: no process mentions the demo's directory any more (gateways and their guards).
        List<String> left = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains(DIR.toString())).toList();
        assertThat(left).isEmpty();
    }

    private static String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String gateway : List.of("gateway-a", "gateway-b")) {
            Path log = DIR.resolve(gateway).resolve("gateway.log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                text.append("\n--- ").append(log).append(" (last 40 lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        }
        return text.toString();
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
