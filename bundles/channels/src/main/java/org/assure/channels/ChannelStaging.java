package org.assure.channels;

import java.io.IOException;
import org.assure.core.error.AssureException;
import org.assure.core.model.ChannelConfiguration;
import org.assure.keystore.KeyOperations;

/**
 * A set of channel changes applied all at once or not at all, so that a bootstrap (PROFILE §5) commits channel
 * changes together with the keystore's transaction. Changes are checked as they are staged, against the current
 * channels plus the changes staged before them; nothing is visible until {@link #commit()}.
 *
 * <p>Use with the keystore's bootstrap transaction: stage everything (the Device Management API does it during
 * replay), {@link #prepare(KeyOperations)} with the keystore transaction (the channel definitions join it), commit
 * the keystore transaction (the one atomic step: keys, channels and owner sequence become current together), then
 * {@link #commit()} here (the running channels follow). Any failure before the keystore commit: {@link #close()}
 * both, and nothing changed. While a staging is prepared, direct changes through {@link ChannelManager} fail with
 * {@link org.assure.core.error.ErrorKind#UNAVAILABLE}.
 * Not thread-safe: one bootstrap uses it from one thread at a time.
 */
public interface ChannelStaging extends AutoCloseable {
    /**
     * Stages a new channel with the next free id.
     *
     * @return the id the channel will have
     * @throws AssureException {@code TOO_LARGE} if the device would have too many channels
     */
    long create(ChannelConfiguration configuration) throws AssureException;

    /**
     * Stages a new channel with the given id (draft §10.1.7).
     *
     * @throws AssureException {@code CONFLICT} if the id exists, {@code TOO_LARGE} if there is no room
     */
    void create(long id, ChannelConfiguration configuration) throws AssureException;

    /**
     * Stages the deletion of a channel; absent channels are fine (draft §10.1.10: 2.02 either way).
     *
     * @return true if a channel existed
     * @throws AssureException {@code FORBIDDEN} if the channel was defined by a bootstrap
     */
    boolean delete(long id) throws AssureException;

    /**
     * Stages the deletion of every channel, bootstrap-defined ones included: a bootstrap image from a new owner
     * replaces everything earlier bootstraps and management systems defined (draft §14.7, docs/PROFILE-ADDITIONS.md
     * item 41). Changes staged after this apply to the empty set. Only a {@link ChannelOrigin#BOOTSTRAP} staging
     * may do this.
     *
     * @return the number of channels that existed in the staged view
     * @throws IllegalStateException         if this staging is not a bootstrap's, or is finished
     * @throws UnsupportedOperationException if the implementation predates version 1.1 of this package
     */
    default int deleteAll() {
        throw new UnsupportedOperationException("deleteAll");
    }

    /**
     * Stages an open request, carried out after the commit.
     *
     * @throws AssureException {@code NOT_FOUND} if the channel does not exist (staged creations count)
     */
    void open(long id) throws AssureException;

    /**
     * Stages a close request, carried out after the commit.
     *
     * @throws AssureException {@code NOT_FOUND} if the channel does not exist (staged creations count)
     */
    void close(long id) throws AssureException;

    /** Whether the channel exists in the staged view. */
    boolean exists(long id);

    /**
     * Checks the staged changes against the current channels and writes the resulting definitions into
     * {@code keystoreTransaction}; nothing is current until that transaction commits.
     *
     * @throws IOException           if the channels changed in a conflicting way or the write fails (the staging
     *                               is then aborted)
     * @throws IllegalStateException if already prepared, committed or closed
     */
    void prepare(KeyOperations keystoreTransaction) throws IOException;

    /**
     * After the keystore transaction committed: updates the running channels and starts the staged opens.
     *
     * @throws IOException           if the keystore transaction did not commit the staged definitions, (the
     *                               staging is then aborted and the running channels did not change)
     * @throws IllegalStateException if not prepared
     */
    void commit() throws IOException;

    /** Aborts unless committed; idempotent. */
    @Override
    void close();
}
