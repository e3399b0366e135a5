package org.assure.channels.internal.system;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.assure.channels.BootstrapTrigger;
import org.assure.channels.GoodbyeHook;
import org.assure.channels.internal.api.SystemControl;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.GoodbyeReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reboot and shutdown (draft §10.1.13–10.1.14): every registered {@link GoodbyeHook} says goodbye first (draft
 * §11.4), then the configured action runs: the aSSURE services restart or stop, or the host command runs.
 */
public final class HostSystemControl implements SystemControl {
    private static final Logger LOG = LoggerFactory.getLogger(HostSystemControl.class);

    /** The configured behaviour. */
    public record Settings(SystemAction rebootAction, List<String> rebootCommand, SystemAction shutdownAction,
            List<String> shutdownCommand, Duration goodbyeTimeout) {
        public Settings {
            Objects.requireNonNull(rebootAction, "rebootAction");
            Objects.requireNonNull(shutdownAction, "shutdownAction");
            rebootCommand = List.copyOf(rebootCommand);
            shutdownCommand = List.copyOf(shutdownCommand);
            Objects.requireNonNull(goodbyeTimeout, "goodbyeTimeout");
            if (rebootAction == SystemAction.HOST_COMMAND && rebootCommand.isEmpty()) {
                throw new IllegalArgumentException("reboot command is empty");
            }
            if (shutdownAction == SystemAction.HOST_COMMAND && shutdownCommand.isEmpty()) {
                throw new IllegalArgumentException("shutdown command is empty");
            }
        }

        /** Splits a configured command line on white space (no shell: nothing is interpreted). */
        public static List<String> command(String line) {
            String trimmed = line == null ? "" : line.trim();
            return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
        }
    }

    private final Settings settings;
    private final Supplier<List<GoodbyeHook>> hooks;
    private final Supplier<Optional<BootstrapTrigger>> trigger;
    private final Supplier<DeviceInfo> info;
    private final Runnable restartServices;
    private final Runnable stopServices;

    public HostSystemControl(Settings settings, Supplier<List<GoodbyeHook>> hooks,
            Supplier<Optional<BootstrapTrigger>> trigger, Supplier<DeviceInfo> info, Runnable restartServices,
            Runnable stopServices) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.info = Objects.requireNonNull(info, "info");
        this.restartServices = Objects.requireNonNull(restartServices, "restartServices");
        this.stopServices = Objects.requireNonNull(stopServices, "stopServices");
    }

    @Override
    public void reboot() {
        goodbye(GoodbyeReason.REBOOT_BY_MANAGEMENT);
        if (settings.rebootAction() == SystemAction.HOST_COMMAND) {
            run(settings.rebootCommand());
        } else {
            LOG.info("restarting the aSSURE services (reboot by management)");
            restartServices.run();
        }
    }

    @Override
    public void shutdown() {
        goodbye(GoodbyeReason.SHUTTING_DOWN);
        if (settings.shutdownAction() == SystemAction.HOST_COMMAND) {
            run(settings.shutdownCommand());
        } else {
            LOG.info("stopping the aSSURE services (shutdown by management)");
            stopServices.run();
        }
    }

    @Override
    public Optional<BootstrapTrigger> bootstrapTrigger() {
        return trigger.get();
    }

    @Override
    public DeviceInfo deviceInfo() {
        return info.get();
    }

    private void goodbye(GoodbyeReason reason) {
        for (GoodbyeHook hook : hooks.get()) {
            try {
                hook.goodbye(reason, settings.goodbyeTimeout());
            } catch (RuntimeException e) {
                LOG.warn("goodbye hook failed", e);
            }
        }
    }

    private static void run(List<String> command) {
        LOG.info("running host command {}", command.get(0));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.error("host command {} failed to start", command.get(0), e);
        }
    }
}
