package org.assure.channels.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.model.Bytes;
import org.assure.keystore.KeyOperations;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreView;

/**
 * The persistent channels as a blob in the keystore's store (the keystore offers blobs for exactly this): every
 * write is one of the keystore's atomic, synced commits, the content is encrypted at rest with the keys, and a
 * bootstrap's channel changes go into its keystore transaction, so keys, channels and the owner sequence commit
 * together or not at all (PROFILE §5). The content is {@link ChannelStore}'s encoding.
 */
public final class KeystoreChannelStore implements ChannelPersistence {
    /** The blob name (keystore blob names: lower case, digits, dots). */
    static final String BLOB = "assure.channels";

    private final KeyOperations keystore;
    private byte[] staged;

    public KeystoreChannelStore(KeyOperations keystore) {
        this.keystore = Objects.requireNonNull(keystore, "keystore");
    }

    @Override
    public ChannelStore.Content load() throws IOException {
        Optional<Bytes> blob = keystore.blob(BLOB);
        if (blob.isEmpty()) {
            return new ChannelStore.Content(1, java.util.List.of());
        }
        try {
            return ChannelStore.decode(blob.get().toByteArray());
        } catch (CborDecodeException | IllegalArgumentException e) {
            throw new IOException("channel definitions in the keystore are corrupt", e);
        }
    }

    @Override
    public void write(ChannelStore.Content content) throws IOException {
        put(keystore, ChannelStore.encode(content));
    }

    @Override
    public synchronized void stage(ChannelStore.Content content, KeyOperations keystoreTransaction)
            throws IOException {
        byte[] encoded = ChannelStore.encode(content);
        put(keystoreTransaction, encoded);
        staged = encoded;
    }

    /**
     * The keystore transaction has committed (the bootstrap commits it first): check that its blob is the staged
     * content. If the transaction did not commit, the running channels must not change either.
     */
    @Override
    public synchronized void commitStaged() throws IOException {
        byte[] expected = staged;
        staged = null;
        Optional<Bytes> current = ((KeystoreView) keystore).blob(BLOB);
        if (expected == null || current.isEmpty() || !Arrays.equals(current.get().toByteArray(), expected)) {
            throw new IOException("the keystore transaction holding the channel changes did not commit");
        }
    }

    @Override
    public synchronized void discardStaged() {
        staged = null;
    }

    private static void put(KeyOperations target, byte[] encoded) throws IOException {
        try {
            target.putBlob(BLOB, Bytes.of(encoded));
        } catch (KeystoreException e) {
            throw new IOException("keystore refused the channel definitions: " + e.reason(), e);
        }
    }
}
