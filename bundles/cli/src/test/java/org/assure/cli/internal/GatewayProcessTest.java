package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's child processes, with a shell script standing in for {@code java}: the runtime's READY and FAILED
 * lines, and that closing the pipe to the guard ends the child (the guard's answer to the demo ending in any way).
 */
class GatewayProcessTest {
    @TempDir
    Path dir;

    /** A fake {@code java}: prints {@code line}, records its pid and its arguments, then sleeps until killed. */
    private Path fakeJava(String line) throws Exception {
        Path script = dir.resolve("fake-java");
        Files.writeString(script, "#!/bin/sh\n"
                + "echo $$ > \"" + dir.resolve("child.pid") + "\"\n"
                + "echo \"$@\" > \"" + dir.resolve("args") + "\"\n"
                + "echo 'some log line'\n"
                + "echo '" + line + "'\n"
                + "trap 'echo stopped > \"" + dir.resolve("stopped") + "\"; exit 0' TERM\n"
                + "while :; do sleep 0.1; done\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private long childPid() throws Exception {
        Path pid = dir.resolve("child.pid");
        for (int i = 0; i < 100 && !Files.exists(pid); i++) {
            Thread.sleep(50);
        }
        return Long.parseLong(Files.readString(pid).strip());
    }

    @Test
    void given_a_ready_line_when_started_then_ports_and_device_are_read_and_close_stops_the_child() throws Exception {
        UUID device = UUID.randomUUID();
        Path java = fakeJava("ASSURE-GATEWAY READY http=8081 mgmt=5684 data=5685 device=" + device);

        try (GatewayProcess gateway = GatewayProcess.start("A", java, dir.resolve("gw.jar"), dir.resolve("home"),
                List.of("-Xmx64m"), Map.of("assure.home", "/tmp/x"))) {
            GatewayProcess.Ready ready = gateway.awaitReady(Duration.ofSeconds(30));

            assertThat(ready).isEqualTo(new GatewayProcess.Ready(8081, 5684, 5685, device));
            assertThat(Files.readString(dir.resolve("args")).strip())
                    .isEqualTo("-Xmx64m -Dassure.home=/tmp/x -jar " + dir.resolve("gw.jar"));
            long child = childPid();
            assertThat(ProcessHandle.of(child)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            gateway.close();

            assertThat(gateway.alive()).isFalse();
            assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            // SIGTERM, not a kill: the gateway gets to say goodbye
            assertThat(dir.resolve("stopped")).exists();
        }
    }

    @Test
    void given_a_failed_line_when_waiting_then_the_reason_and_the_log_are_named() throws Exception {
        Path java = fakeJava("ASSURE-GATEWAY FAILED keystore: wrong passphrase");

        try (GatewayProcess gateway = GatewayProcess.start("B", java, dir.resolve("gw.jar"), dir.resolve("home"),
                List.of(), Map.of())) {
            assertThatThrownBy(() -> gateway.awaitReady(Duration.ofSeconds(30))).isInstanceOf(CliException.class)
                    .hasMessage("gateway B failed to start: keystore: wrong passphrase (see "
                            + dir.resolve("home").resolve("gateway.log") + ")");
        }
    }

    @Test
    void given_a_child_that_says_nothing_when_waiting_then_it_times_out_and_is_stopped() throws Exception {
        Path java = fakeJava("nothing to report");
        GatewayProcess gateway = GatewayProcess.start("A", java, dir.resolve("gw.jar"), dir.resolve("home"),
                List.of(), Map.of());

        assertThatThrownBy(() -> gateway.awaitReady(Duration.ofMillis(500))).isInstanceOf(CliException.class)
                .hasMessageStartingWith("gateway A was not ready within 0 s");
        long child = childPid();
        gateway.close();

        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void given_a_child_that_exits_when_waiting_then_its_exit_code_is_named() throws Exception {
        Path java = dir.resolve("exiting-java");
        Files.writeString(java, "#!/bin/sh\necho 'Error: Unable to access jarfile'\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));

        try (GatewayProcess gateway = GatewayProcess.start("A", java, dir.resolve("gw.jar"), dir.resolve("home"),
                List.of(), Map.of())) {
            assertThatThrownBy(() -> gateway.awaitReady(Duration.ofSeconds(30))).isInstanceOf(CliException.class)
                    .hasMessageStartingWith("gateway A exited with code 1 before it was ready");
            assertThat(gateway.alive()).isFalse();
        }
    }
}
