package org.assure.cli.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The tool's state directory ({@code --home}, default {@code ~/.assure}): the authority's data and public info,
 * the manufacturer's and the owner's keys and certificates, manufactured devices. Directories are created
 * owner-only (0700); files are written atomically (new file, fsync, rename, fsync of the directory), private
 * ones owner-only (0600) from the moment they exist, so a key is never readable by others even briefly.
 */
final class Home {
    static final String AUTHORITY = "authority";
    static final String MANUFACTURER = "manufacturer";
    static final String OWNER = "owner";
    static final String DEVICES = "devices";

    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;
    private final HomePassphrase passphrase;
    private final java.util.function.Consumer<String> notices;

    /**
     * @param passphrase seals the private keys kept here ({@link SealedKeyFile})
     * @param notices    one-line notes for the user (stderr), e.g. that a plain key file was sealed
     */
    Home(Path root, HomePassphrase passphrase, java.util.function.Consumer<String> notices) {
        this.root = root.toAbsolutePath().normalize();
        this.passphrase = passphrase;
        this.notices = notices;
    }

    /** A copy of the home passphrase (the caller clears it); {@code creating}: a new sealed file follows. */
    char[] passphrase(boolean creating) {
        return passphrase.get(creating);
    }

    void notice(String line) {
        notices.accept(line);
    }

    /** The default home: {@code ~/.assure}. */
    static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".assure");
    }

    Path root() {
        return root;
    }

    /** {@code <home>/<part>/…}, without creating it. */
    Path path(String first, String... more) {
        return root.resolve(Path.of(first, more));
    }

    /** The directory {@code <home>/<part>}, created owner-only with its parents if missing. */
    Path directory(String first, String... more) {
        return createDirectory(path(first, more));
    }

    static Path createDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    createDirectory(parent);
                }
                if (POSIX) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
                } else {
                    Files.createDirectory(dir);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new CliException("cannot create directory " + dir + ": " + Inputs.reason(e));
        }
    }

    /** Writes a file others may read (certificates, QR codes, public info) atomically. */
    static void writePublic(Path file, byte[] content) {
        write(file, content, PUBLIC_FILE);
    }

    /** Writes a file only its owner may read (private keys, passwords, sealed identities) atomically. */
    static void writePrivate(Path file, byte[] content) {
        write(file, content, PRIVATE_FILE);
    }

    static void writePublic(Path file, String text) {
        writePublic(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writePrivate(Path file, String text) {
        writePrivate(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] content, Set<PosixFilePermission> permissions) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            if (POSIX) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(permissions));
            } else {
                Files.createFile(tmp);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(content));
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; that error is the one to report
            }
            throw new CliException("cannot write " + file + ": " + Inputs.reason(e));
        }
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename durable; some file systems refuse to open a directory, which only weakens durability.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here
        }
    }

    /** The file's text, or a one-line error naming what is missing and how to make it. */
    static String readText(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("missing " + file + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + Inputs.reason(e));
        }
    }
}
