package org.assure.channels.internal.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.channels.GoodbyeHook;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.GoodbyeReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSystemControlTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private final GoodbyeHook hook = (reason, timeout) -> log.add("goodbye " + reason.code() + " " + timeout);

    private HostSystemControl control(HostSystemControl.Settings settings) {
        return new HostSystemControl(settings, () -> List.of(hook), Optional::empty,
                () -> DeviceInfo.of(UUID.randomUUID()), () -> log.add("restart"), () -> log.add("stop"));
    }

    @Test
    void reboot_says_goodbye_then_restarts_the_services_by_default() {
        HostSystemControl control = control(new HostSystemControl.Settings(SystemAction.SERVICES,
                List.of(), SystemAction.SERVICES, List.of(), Duration.ofSeconds(5)));
        control.reboot();
        control.shutdown();
        assertThat(log).containsExactly("goodbye " + GoodbyeReason.REBOOT_BY_MANAGEMENT.code() + " PT5S", "restart",
                "goodbye " + GoodbyeReason.SHUTTING_DOWN.code() + " PT5S", "stop");
    }

    @Test
    void the_host_command_runs_after_goodbye() throws Exception {
        Path marker = dir.resolve("rebooted");
        HostSystemControl control = control(new HostSystemControl.Settings(SystemAction.HOST_COMMAND,
                HostSystemControl.Settings.command("touch " + marker), SystemAction.SERVICES, List.of(),
                Duration.ofSeconds(1)));
        control.reboot();
        assertThat(log).containsExactly("goodbye 1 PT1S");
        for (int i = 0; i < 100 && !Files.exists(marker); i++) {
            Thread.onSpinWait(); // the child process runs on its own; wait (bounded) for its effect
            Thread.sleep(20);
        }
        assertThat(marker).exists();
    }

    @Test
    void a_failing_hook_does_not_stop_the_action() {
        HostSystemControl control = new HostSystemControl(new HostSystemControl.Settings(SystemAction.SERVICES,
                List.of(), SystemAction.SERVICES, List.of(), Duration.ZERO), () -> List.of((r, t) -> {
                    throw new IllegalStateException("peer gone");
                }), Optional::empty, () -> DeviceInfo.of(UUID.randomUUID()), () -> log.add("restart"), () -> { });
        control.reboot();
        assertThat(log).containsExactly("restart");
    }

    @Test
    void an_empty_host_command_is_a_configuration_error() {
        assertThatThrownBy(() -> new HostSystemControl.Settings(SystemAction.HOST_COMMAND,
                HostSystemControl.Settings.command("  "), SystemAction.SERVICES, List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
