package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assure demo} without a gateway runtime: the authority-side steps run for real (Trusted Authority, two
 * management servers, manufacture, claim by QR), and the run stops at the gateways with a hint and exit 3. The
 * whole flow with the runtime runs in {@code distribution/demo}'s integration test.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void given_no_gateway_runtime_when_run_once_then_the_authority_steps_pass_and_the_gateway_step_fails() throws Exception {
        Path missing = dir.resolve("no-such-gateway.jar");

        CliRun.Result run = CliRun.run("demo", "--once", "--dir", dir.resolve("demo").toString(), "--gateway-jar",
                missing.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(DemoCommand.EXIT_STEP_FAILED);
        Map<String, Object> summary = Json.parseObject(Files.readString(dir.resolve("demo/summary.json")), "summary");
        List<?> steps = (List<?>) summary.get("steps");
        assertThat(steps).hasSize(Demo.STEPS);
        assertThat(steps.subList(0, 7)).allSatisfy(s -> assertThat(((Map<?, ?>) s).get("result")).isEqualTo("PASS"));
        assertThat(((Map<?, ?>) steps.get(7)).get("result")).isEqualTo("FAIL");
        assertThat(((Map<?, ?>) steps.get(7)).get("detail")).isEqualTo("no gateway runtime at " + missing
                + " (build it: mvn -B -pl distribution/gateway -am package -DskipTests)");
        assertThat(steps.subList(8, Demo.STEPS)).allSatisfy(s -> assertThat(((Map<?, ?>) s).get("result")).isEqualTo("SKIP"));
        // The factory files and QR codes exist, and the claims decoded the QR pictures.
        try (var files = Files.list(dir.resolve("demo/devices"))) {
            assertThat(files.map(p -> p.getFileName().toString().replaceAll("^[0-9a-f-]{36}", "")))
                    .containsExactlyInAnyOrder(".identity", ".passphrase", ".png", ".identity", ".passphrase", ".png");
        }
        assertThat(run.out()).contains("[ 6/19] owner A claims device A by decoding its QR code", "QR -> ",
                "7 of 19 steps passed, 1 failed, 11 skipped", "files and logs kept in " + dir.resolve("demo"));
        assertThat(run.err()).isEmpty();
    }
}
