package org.assure.keystore.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The validated keystore configuration. {@link #from} refuses invalid values with an
 * {@link IllegalArgumentException} naming the property, so that activation fails with a clear reason.
 * {@code toString} hides the passphrase.
 */
record KeystoreSettings(Path dataDirectory, Path factoryIdentityFile, char[] passphrase, int capacity,
        Duration writerWait) {
    static final int MAX_CAPACITY = 1024;

    KeystoreSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(factoryIdentityFile, "factoryIdentityFile");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(writerWait, "writerWait");
    }

    /**
     * @param passphrase the passphrase in clear (already decrypted through Kura's CryptoService if it came
     *                   encrypted)
     * @throws IllegalArgumentException naming the first invalid property
     */
    static KeystoreSettings from(KeystoreConfig config, char[] passphrase) {
        Path data = path("data.directory", config.data_directory());
        Path factory = path("factory.identity.file", config.factory_identity_file());
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("factory.passphrase: required");
        }
        if (config.capacity() < 1 || config.capacity() > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity: must be 1.." + MAX_CAPACITY);
        }
        if (config.writer_wait_ms() < 100 || config.writer_wait_ms() > 600_000) {
            throw new IllegalArgumentException("writer.wait.ms: must be 100..600000");
        }
        return new KeystoreSettings(data, factory, passphrase, config.capacity(),
                Duration.ofMillis(config.writer_wait_ms()));
    }

    private static Path path(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + ": required");
        }
        try {
            return Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(property + ": not a valid path");
        }
    }

    /** Clears the passphrase once the factory identity is read. */
    void clearPassphrase() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeystoreSettings other && dataDirectory.equals(other.dataDirectory)
                && factoryIdentityFile.equals(other.factoryIdentityFile) && Arrays.equals(passphrase, other.passphrase)
                && capacity == other.capacity && writerWait.equals(other.writerWait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataDirectory, factoryIdentityFile, capacity, writerWait);
    }

    @Override
    public String toString() {
        return "KeystoreSettings[" + dataDirectory + ", " + factoryIdentityFile + ", capacity " + capacity + ", writer wait "
                + writerWait + "]";
    }
}
