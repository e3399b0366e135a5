package org.assure.cli.internal;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that keep state or answer scripts: {@code --home} and {@code --json}. */
final class CommonOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "State directory: keys, certificates, authority info (default: ~/.assure).")
    private Path home;

    @Option(names = "--json", description = "Print one JSON document instead of readable text (for scripts).")
    private boolean json;

    Home home() {
        return new Home(home == null ? Home.defaultRoot() : home);
    }

    boolean json() {
        return json;
    }
}
