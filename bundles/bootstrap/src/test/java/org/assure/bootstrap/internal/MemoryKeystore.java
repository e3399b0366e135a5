package org.assure.bootstrap.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.KeyListEntry;
import org.assure.core.trust.AuthenticatedKeyValidator;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.ValidationException;
import org.assure.keystore.DeleteOutcome;
import org.assure.keystore.ImportOutcome;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.Keystore;
import org.assure.keystore.KeystoreCredentials;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreException.Reason;
import org.assure.keystore.KeystoreTransaction;
import org.assure.keystore.TrustAnchors;

/**
 * The part of the {@link Keystore} service contract a bootstrap uses — import with core's five checks, owner
 * sequence, bootstrap transactions that publish all at once on commit and nothing otherwise, one writer at a
 * time — held in memory. The keystore bundle exports no way to construct its file-backed implementation outside
 * OSGi (see the report), so unit tests of the bootstrap client run against this; operations a bootstrap never
 * calls throw {@link UnsupportedOperationException}.
 */
final class MemoryKeystore implements Keystore {
    /** The published state: immutable once published. */
    private record State(Map<UUID, TrustedKey> keys, long ownerSequence) {
    }

    private final UUID deviceId;
    private final List<TrustedKey> anchors;
    private volatile State state = new State(Map.of(), 0);
    private boolean writerBusy;
    /** When set, the next commit fails with STORE_FAILED before publishing (a disk error). */
    volatile boolean failNextCommit;

    MemoryKeystore(UUID deviceId, List<TrustedKey> anchors) {
        this.deviceId = deviceId;
        this.anchors = List.copyOf(anchors);
    }

    /** Imported keys by id, in import order. */
    Map<UUID, TrustedKey> importedKeys() {
        return state.keys();
    }

    @Override
    public UUID deviceId() {
        return deviceId;
    }

    @Override
    public TrustedKeys trustedKeys() {
        return view(state.keys());
    }

    private TrustedKeys view(Map<UUID, TrustedKey> keys) {
        return TrustedKeys.of(anchors).with(id -> Optional.ofNullable(keys.get(id)));
    }

    @Override
    public long ownerSequence() {
        return state.ownerSequence();
    }

    @Override
    public synchronized KeystoreTransaction beginBootstrap() throws KeystoreException {
        if (writerBusy) {
            throw new KeystoreException(Reason.UNAVAILABLE);
        }
        writerBusy = true;
        return new Tx(state);
    }

    private synchronized void publish(State next) throws KeystoreException {
        if (failNextCommit) {
            failNextCommit = false;
            throw new KeystoreException(Reason.STORE_FAILED);
        }
        state = next;
    }

    private synchronized void release() {
        writerBusy = false;
    }

    private final class Tx implements KeystoreTransaction {
        private final Map<UUID, TrustedKey> keys;
        private long ownerSequence;
        private final long storedSequence;
        private boolean done;

        Tx(State base) {
            keys = new LinkedHashMap<>(base.keys());
            ownerSequence = base.ownerSequence();
            storedSequence = base.ownerSequence();
        }

        @Override
        public boolean isBootstrap() {
            return true;
        }

        @Override
        public ImportOutcome importKey(AuthenticatedKey key) throws KeystoreException {
            check();
            TrustedKey existing = keys.get(key.keyId());
            if (existing != null) {
                if (existing.authenticatedKey().orElseThrow().equals(key)) {
                    return ImportOutcome.ALREADY_PRESENT;
                }
                throw new KeystoreException(Reason.KEY_ID_CONFLICT);
            }
            if (anchors.stream().anyMatch(a -> a.keyId().equals(key.keyId()))) {
                throw new KeystoreException(Reason.KEY_ID_CONFLICT);
            }
            try {
                keys.put(key.keyId(), AuthenticatedKeyValidator.withoutTrustedTime().validate(key, view(keys)));
            } catch (ValidationException e) {
                throw new KeystoreException(e);
            }
            return ImportOutcome.CREATED;
        }

        @Override
        public void setOwnerSequence(long sequence) throws KeystoreException {
            check();
            if (sequence < storedSequence) {
                throw new KeystoreException(Reason.OWNER_SEQUENCE_OLDER);
            }
            ownerSequence = sequence;
        }

        @Override
        public void commit() throws KeystoreException {
            check();
            done = true;
            try {
                publish(new State(Map.copyOf(keys), ownerSequence));
            } finally {
                release();
            }
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                release();
            }
        }

        private void check() {
            if (done) {
                throw new IllegalStateException("transaction finished");
            }
        }

        @Override
        public TrustedKeys trustedKeys() {
            return view(keys);
        }

        @Override
        public long ownerSequence() {
            return ownerSequence;
        }

        @Override
        public UUID deviceId() {
            return deviceId;
        }

        @Override
        public void removeAllKeys() {
            keys.clear();
        }

        // ---- not used by a bootstrap ----
        @Override
        public AuthenticatedKey generateKey(GenerateKeyType type, boolean persistent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeleteOutcome deleteKey(UUID keyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putBlob(String name, Bytes value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeBlob(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrustAnchors trustAnchors() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<KeyInfo> keys() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<KeyInfo> key(UUID keyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<KeyInfo> keysOwnedBy(UUID owner) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<KeyListEntry> keyList() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int size() {
            return keys.size();
        }

        @Override
        public int capacity() {
            return 64;
        }

        @Override
        public Optional<Bytes> blob(String name) {
            throw new UnsupportedOperationException();
        }
    }

    // ---- not used by a bootstrap ----
    @Override
    public KeystoreTransaction begin() {
        throw new UnsupportedOperationException();
    }

    @Override
    public KeystoreCredentials credentials() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ImportOutcome importKey(AuthenticatedKey key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AuthenticatedKey generateKey(GenerateKeyType type, boolean persistent) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DeleteOutcome deleteKey(UUID keyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putBlob(String name, Bytes value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeBlob(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TrustAnchors trustAnchors() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<KeyInfo> keys() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<KeyInfo> key(UUID keyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<KeyInfo> keysOwnedBy(UUID owner) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<KeyListEntry> keyList() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int size() {
        return state.keys().size();
    }

    @Override
    public int capacity() {
        return 64;
    }

    @Override
    public Optional<Bytes> blob(String name) {
        throw new UnsupportedOperationException();
    }
}
