package org.assure.authority.internal.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import org.assure.core.model.SecretBytes;

/**
 * The authority's master key file (32 random bytes, owner-only permissions), created on first start: written to
 * a temporary file, forced to disk, then atomically renamed, so a crash never leaves a half-written key.
 */
public final class MasterKeyFile {
    private MasterKeyFile() {
    }

    public static SecretBytes loadOrCreate(Path file, SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[AtRestCipher.KEY_LENGTH];
        random.nextBytes(key);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the directory's ACL; nothing portable to tighten here.
            }
            ch.write(ByteBuffer.wrap(key));
            ch.force(true);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot install master key file atomically", e);
        }
        return read(file);
    }

    private static SecretBytes read(Path file) throws IOException {
        byte[] key = Files.readAllBytes(file);
        if (key.length != AtRestCipher.KEY_LENGTH) {
            Arrays.fill(key, (byte) 0);
            throw new IOException("master key file must hold exactly 32 bytes");
        }
        return SecretBytes.wrap(key);
    }
}
