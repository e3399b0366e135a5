package org.assure.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assure authority …}: run the authority. */
@Command(name = "authority", synopsisSubcommandLabel = "COMMAND",
        description = "Run the Trusted Authority, its bootstrap server and a management server (draft §9, §11).",
        subcommands = AuthorityStartCommand.class)
final class AuthorityCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
