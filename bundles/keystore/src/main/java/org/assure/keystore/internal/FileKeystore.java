package org.assure.keystore.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.keystore.DeleteOutcome;
import org.assure.keystore.ImportOutcome;
import org.assure.keystore.KeyOperations;
import org.assure.keystore.Keystore;
import org.assure.keystore.KeystoreCredentials;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreException.Reason;
import org.assure.keystore.KeystoreTransaction;
import org.assure.keystore.TrustedTime;
import org.eclipse.kura.crypto.CryptoService;

/**
 * The keystore over a data directory: the published state is an immutable {@link StoreState} that readers use
 * without locks; writers take the single writer slot, work on a {@link Stage}, write the store file durably and
 * only then publish. RAM-only keys live only in the published state. Thread-safe.
 */
public final class FileKeystore extends StateView implements Keystore {
    private final StoreFile file;
    private final Supplier<TrustedTime> time;
    private final SecureRandom random;
    private final Duration writerWait;
    private final Semaphore writer = new Semaphore(1, true);
    private final KeystoreCredentials credentials;
    private volatile StoreState published;
    private volatile boolean closed;

    private FileKeystore(Anchors anchors, int capacity, StoreFile file, StoreState initial, Supplier<TrustedTime> time,
            SecureRandom random, Duration writerWait) {
        super(anchors, capacity);
        this.file = file;
        this.published = initial;
        this.time = time;
        this.random = random;
        this.writerWait = writerWait;
        this.credentials = new StoreCredentials(this);
    }

    /**
     * Opens (or creates) the keystore in {@code dir}: the at-rest key file, then the store file.
     *
     * @param crypto     Kura's CryptoService, if present: wraps the at-rest key
     * @param time       the trusted time source to consult at each operation
     * @param writerWait how long a writer waits for a running transaction before failing {@code UNAVAILABLE}
     * @throws KeystoreException {@code UNAVAILABLE} if the store does not decrypt or decode, {@code FULL} if it
     *                           holds more keys than {@code capacity}, {@code STORE_FAILED} on I/O errors
     */
    public static FileKeystore open(Path dir, Anchors anchors, int capacity, Optional<CryptoService> crypto,
            Supplier<TrustedTime> time, SecureRandom random, Duration writerWait) throws KeystoreException {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(writerWait, "writerWait");
        try {
            AtomicFiles.createDirectory(dir);
        } catch (IOException e) {
            throw new KeystoreException(Reason.STORE_FAILED, e);
        }
        boolean storeExists = java.nio.file.Files.exists(dir.resolve(StoreFile.FILE_NAME));
        StoreCipher cipher = new StoreCipher(AtRestKey.loadOrCreate(dir, storeExists, crypto, random), StoreFile.MAGIC,
                random);
        StoreFile file = new StoreFile(dir, cipher);
        StoreState state = file.read();
        for (UUID id : state.keys().keySet()) {
            if (anchors.isAnchor(id)) {
                // The factory identity changed under an existing store: its keys would shadow an anchor.
                throw new KeystoreException(Reason.KEY_ID_CONFLICT);
            }
        }
        if (state.keys().size() > capacity) {
            throw new KeystoreException(Reason.FULL);
        }
        return new FileKeystore(anchors, capacity, file, state, time, random, writerWait);
    }

    /** The store file (for diagnostics and tests). */
    public Path storePath() {
        return file.path();
    }

    @Override
    StoreState state() {
        return published;
    }

    /** No more writes (they fail {@code UNAVAILABLE}, a running transaction's commit too); readers keep the last state. */
    public void close() {
        closed = true;
    }

    @Override
    public ImportOutcome importKey(AuthenticatedKey key) throws KeystoreException {
        return write(stage -> stage.importKey(key));
    }

    @Override
    public AuthenticatedKey generateKey(GenerateKeyType type, boolean persistent) throws KeystoreException {
        return write(stage -> stage.generateKey(type, persistent));
    }

    @Override
    public DeleteOutcome deleteKey(UUID keyId) throws KeystoreException {
        return write(stage -> stage.deleteKey(keyId));
    }

    @Override
    public void putBlob(String name, Bytes value) throws KeystoreException {
        write(stage -> {
            stage.putBlob(name, value);
            return null;
        });
    }

    @Override
    public void removeBlob(String name) throws KeystoreException {
        write(stage -> {
            stage.removeBlob(name);
            return null;
        });
    }

    @Override
    public KeystoreTransaction begin() throws KeystoreException {
        return beginTransaction(false);
    }

    @Override
    public KeystoreTransaction beginBootstrap() throws KeystoreException {
        return beginTransaction(true);
    }

    @Override
    public KeystoreCredentials credentials() {
        return credentials;
    }

    private KeystoreTransaction beginTransaction(boolean bootstrap) throws KeystoreException {
        acquire();
        try {
            return new Transaction(this, newStage(bootstrap));
        } catch (RuntimeException e) {
            writer.release();
            throw e;
        }
    }

    @FunctionalInterface
    private interface Operation<T> {
        T apply(KeyOperations stage) throws KeystoreException;
    }

    private <T> T write(Operation<T> operation) throws KeystoreException {
        acquire();
        try {
            Stage stage = newStage(false);
            T result = operation.apply(stage);
            if (stage.changed()) {
                commit(stage.state());
            }
            return result;
        } finally {
            writer.release();
        }
    }

    private Stage newStage(boolean bootstrap) {
        TrustedTime source = time.get();
        return new Stage(anchors, capacity, published, bootstrap, source == null ? TrustedTime.NONE : source, random);
    }

    /** Writes durably, then publishes. Called with the writer slot held. */
    void commit(StoreState next) throws KeystoreException {
        if (closed) {
            throw new KeystoreException(Reason.UNAVAILABLE);
        }
        file.write(next);
        published = next;
    }

    void release() {
        writer.release();
    }

    private void acquire() throws KeystoreException {
        if (closed) {
            throw new KeystoreException(Reason.UNAVAILABLE);
        }
        try {
            if (!writer.tryAcquire(writerWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new KeystoreException(Reason.UNAVAILABLE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoreException(Reason.UNAVAILABLE, e);
        }
        if (closed) {
            writer.release();
            throw new KeystoreException(Reason.UNAVAILABLE);
        }
    }

    @Override
    public String toString() {
        return "FileKeystore[" + file.path() + ", " + published + "]";
    }
}
