package org.assure.cli.internal;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by the commands that keep state or answer scripts: {@code --home} and {@code --json}. */
final class CommonOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "State directory: keys, certificates, authority info (default: ~/.assure).")
    private Path home;

    @Option(names = "--json", description = "Print one JSON document instead of readable text (for scripts).")
    private boolean json;

    @Option(names = "--home-passphrase-file", paramLabel = "FILE",
            description = "The passphrase sealing the home's private keys, first line of FILE (0600); default: "
                    + "$" + HomePassphrase.ENV + ", the file $" + HomePassphrase.ENV_FILE + ", or a prompt.")
    private Path passphraseFile;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    Home home() {
        return home(mixee);
    }

    /**
     * As {@link #home()}, for a mixin that carries these options itself ({@code command}: the command the outer
     * mixin is mixed into, which knows the root {@code assure} command and its environment).
     */
    Home home(CommandSpec command) {
        AssureCommand root = (AssureCommand) command.root().userObject();
        java.io.PrintWriter err = command.commandLine().getErr();
        return new Home(home == null ? Home.defaultRoot() : home,
                new HomePassphrase(Optional.ofNullable(passphraseFile), root.environment(), root.console()),
                line -> {
                    err.println("note: " + line);
                    err.flush();
                });
    }

    boolean json() {
        return json;
    }
}
