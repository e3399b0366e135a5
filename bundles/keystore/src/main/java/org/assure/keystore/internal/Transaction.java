package org.assure.keystore.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.KeyListEntry;
import org.assure.core.trust.TrustedKeys;
import org.assure.keystore.DeleteOutcome;
import org.assure.keystore.ImportOutcome;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreTransaction;
import org.assure.keystore.TrustAnchors;

/**
 * A {@link KeystoreTransaction}: a {@link Stage} holding the keystore's writer slot until commit or close. Every
 * method after the end throws {@link IllegalStateException}.
 */
final class Transaction implements KeystoreTransaction {
    private final FileKeystore keystore;
    private final Stage stage;
    private boolean ended;

    Transaction(FileKeystore keystore, Stage stage) {
        this.keystore = keystore;
        this.stage = stage;
    }

    private Stage open() {
        if (ended) {
            throw new IllegalStateException("transaction has ended");
        }
        return stage;
    }

    @Override
    public boolean isBootstrap() {
        return stage.bootstrap();
    }

    @Override
    public void setOwnerSequence(long ownerSequence) throws KeystoreException {
        open().setOwnerSequence(ownerSequence);
    }

    @Override
    public void removeAllKeys() {
        open().removeAllKeys();
    }

    @Override
    public void commit() throws KeystoreException {
        Stage staged = open();
        ended = true;
        try {
            if (staged.changed()) {
                keystore.commit(staged.state());
            }
        } finally {
            keystore.release();
        }
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            keystore.release();
        }
    }

    @Override
    public ImportOutcome importKey(AuthenticatedKey key) throws KeystoreException {
        return open().importKey(key);
    }

    @Override
    public AuthenticatedKey generateKey(GenerateKeyType type, boolean persistent) throws KeystoreException {
        return open().generateKey(type, persistent);
    }

    @Override
    public DeleteOutcome deleteKey(UUID keyId) throws KeystoreException {
        return open().deleteKey(keyId);
    }

    @Override
    public void putBlob(String name, Bytes value) {
        open().putBlob(name, value);
    }

    @Override
    public void removeBlob(String name) {
        open().removeBlob(name);
    }

    @Override
    public UUID deviceId() {
        return open().deviceId();
    }

    @Override
    public TrustAnchors trustAnchors() {
        return open().trustAnchors();
    }

    @Override
    public List<KeyInfo> keys() {
        return open().keys();
    }

    @Override
    public Optional<KeyInfo> key(UUID keyId) {
        return open().key(keyId);
    }

    @Override
    public List<KeyInfo> keysOwnedBy(UUID owner) {
        return open().keysOwnedBy(owner);
    }

    @Override
    public List<KeyListEntry> keyList() {
        return open().keyList();
    }

    @Override
    public int size() {
        return open().size();
    }

    @Override
    public int capacity() {
        return open().capacity();
    }

    @Override
    public TrustedKeys trustedKeys() {
        return open().trustedKeys();
    }

    @Override
    public long ownerSequence() {
        return open().ownerSequence();
    }

    @Override
    public Optional<Bytes> blob(String name) {
        return open().blob(name);
    }

    @Override
    public String toString() {
        return "KeystoreTransaction[" + (stage.bootstrap() ? "bootstrap, " : "") + (ended ? "ended" : "open") + "]";
    }
}
