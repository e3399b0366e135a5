package org.assure.cli.internal;

import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code assure} command; does nothing itself but hold the subcommands and the input stream. */
@Command(name = "assure", mixinStandardHelpOptions = true, versionProvider = AssureMain.VersionProvider.class,
        scope = ScopeType.INHERIT,
        description = {"Inspect and build aSSURE (draft-lucas-assure-data-security) structures;",
                "run an authority, manufacture devices and manage their owners."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {InspectCommand.class, DeriveCommand.class, EnvelopeCommand.class, QrCommand.class,
                TimestampCommand.class, AuthorityCommand.class, ManufactureCommand.class, OwnerCommand.class,
                DeviceCommand.class, ChannelCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:usage error, invalid input, unreadable file, or a request the authority refused",
                "3:demo: a step failed",
                "4:channel: a device was not ready or refused a pushed request"})
final class AssureCommand implements Callable<Integer> {
    private final InputStream stdin;
    private final Clock clock;
    private final Lifecycle lifecycle;
    private final java.util.Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    AssureCommand(InputStream stdin, Clock clock, Lifecycle lifecycle, java.util.Map<String, String> environment) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.environment = java.util.Map.copyOf(environment);
    }

    /** The process environment (tests give their own): where the home passphrase may come from. */
    java.util.Map<String, String> environment() {
        return environment;
    }

    /** The terminal to prompt on, or {@code null} when stdin is not one or stdin was redirected by a test. */
    java.io.Console console() {
        return stdin == System.in ? System.console() : null;
    }

    /** When {@code authority start} stops. */
    Lifecycle lifecycle() {
        return lifecycle;
    }

    InputStream stdin() {
        return stdin;
    }

    /** "Now" for commands that default to the current time. */
    Clock clock() {
        return clock;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
