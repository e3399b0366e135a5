package org.assure.cli.internal;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The passphrase that seals the private keys kept in the home ({@link SealedKeyFile}). Taken from, in order:
 * {@code --home-passphrase-file FILE}, the environment variable {@value #ENV}, a file named by {@value #ENV_FILE},
 * or a prompt on the terminal. A passphrase file must be readable by its owner only (0600 or stricter). Without
 * any of them the command fails with one line saying how to give one; the passphrase is never printed.
 */
final class HomePassphrase {
    static final String ENV = "ASSURE_HOME_PASSPHRASE";
    static final String ENV_FILE = "ASSURE_HOME_PASSPHRASE_FILE";
    static final int MIN_LENGTH = 8;
    static final String HOW = "give it with --home-passphrase-file FILE (0600), " + ENV + " or " + ENV_FILE;

    private final Optional<Path> file;
    private final Map<String, String> environment;
    private final Console console;
    private char[] cached;

    /** @param console the terminal to prompt on, or {@code null} when not interactive */
    HomePassphrase(Optional<Path> file, Map<String, String> environment, Console console) {
        this.file = file;
        this.environment = Map.copyOf(environment);
        this.console = console;
    }

    /**
     * A copy of the passphrase (the caller clears it).
     *
     * @param creating a new sealed file will be written: a prompt asks twice
     */
    synchronized char[] get(boolean creating) {
        if (cached == null) {
            cached = resolve(creating);
            if (cached.length < MIN_LENGTH) {
                Arrays.fill(cached, '\0');
                cached = null;
                throw new CliException("the home passphrase must have at least " + MIN_LENGTH + " characters");
            }
        }
        return cached.clone();
    }

    private char[] resolve(boolean creating) {
        if (file.isPresent()) {
            return fromFile(file.get(), "--home-passphrase-file");
        }
        String value = environment.get(ENV);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        String named = environment.get(ENV_FILE);
        if (named != null && !named.isEmpty()) {
            return fromFile(Path.of(named), ENV_FILE);
        }
        if (console != null) {
            char[] first = console.readPassword("home passphrase (seals the private keys in the home): ");
            if (first == null) {
                throw new CliException("no home passphrase; " + HOW);
            }
            if (creating) {
                char[] again = console.readPassword("again: ");
                boolean same = again != null && Arrays.equals(first, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    Arrays.fill(first, '\0');
                    throw new CliException("the two passphrases differ");
                }
            }
            return first;
        }
        throw new CliException("the private keys in the home are sealed under a passphrase; " + HOW);
    }

    private static char[] fromFile(Path path, String source) {
        if (!Files.isRegularFile(path)) {
            throw new CliException(source + ": no such file " + path);
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                throw new CliException(path + ": readable by others; chmod 600 " + path);
            }
        } catch (UnsupportedOperationException | java.io.IOException notPosix) {
            // not a POSIX file system: nothing portable to check
        }
        String first = Home.readText(path, "").lines().findFirst().orElse("");
        if (first.isEmpty()) {
            throw new CliException(path + ": empty passphrase");
        }
        return first.toCharArray();
    }
}
