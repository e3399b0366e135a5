package org.assure.channels.internal;

import java.io.IOException;
import org.assure.keystore.KeyOperations;

/**
 * Where the persistent channel definitions live. Every write is atomic: after a crash the previous or the new
 * content is read back, never a mix. A staging (bootstrap) writes its content into the keystore transaction it is
 * given where the backend can, so channels and keys commit together.
 */
public interface ChannelPersistence {
    /** Reads the content; channels come back closed. */
    ChannelStore.Content load() throws IOException;

    /** Replaces the content (only persistent channels are kept). */
    void write(ChannelStore.Content content) throws IOException;

    /** Prepares {@code content} to become current when {@code keystoreTransaction} commits (or at commitStaged). */
    void stage(ChannelStore.Content content, KeyOperations keystoreTransaction) throws IOException;

    /** Makes the staged content current; fails if it cannot (nothing changed then). */
    void commitStaged() throws IOException;

    /** Drops the staged content. */
    void discardStaged() throws IOException;
}
