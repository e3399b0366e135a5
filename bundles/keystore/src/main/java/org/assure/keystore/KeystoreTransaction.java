package org.assure.keystore;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Staged keystore changes that commit all at once or not at all (PROFILE §5: bootstrap is atomic). Operations
 * validate and stage immediately (failures throw and stage nothing) and the view includes staged changes, so a
 * bootstrap image's keys may rely on earlier ones. {@link #commit()} writes everything in one durable, crash-safe
 * step; {@link #close()} without commit discards everything. While a transaction is open it holds the keystore's
 * single writer slot: other writes wait, then fail with {@code UNAVAILABLE}. Not thread-safe; use from one
 * thread at a time. The store is unchanged until commit, whatever happens to the process.
 */
@ProviderType
public interface KeystoreTransaction extends KeyOperations, AutoCloseable {
    /** True for transactions begun with {@link Keystore#beginBootstrap()}. */
    boolean isBootstrap();

    /**
     * Stages the owner sequence number of the bootstrap image being applied (draft §15.5).
     *
     * @throws KeystoreException {@code OWNER_SEQUENCE_OLDER} if lower than the stored one
     */
    void setOwnerSequence(long ownerSequence) throws KeystoreException;

    /**
     * Stages deleting every imported and generated key, bootstrap-defined ones included (a new bootstrap image
     * replaces the old owner's keys); trust anchors stay. Only in a bootstrap transaction.
     *
     * @throws IllegalStateException outside a bootstrap transaction
     */
    void removeAllKeys();

    /**
     * Stages the owner sequence number of the bootstrap image being applied and, if it is higher than the stored
     * one (the image comes from a new owner, draft §14.7), first the removal of every key but the trust anchors
     * ({@link #removeAllKeys()}), so nothing an earlier owner's bootstraps or management systems installed stays
     * trusted (docs/PROFILE-ADDITIONS.md item 41). Call it before importing the image's keys. An equal sequence (the
     * same owner reconfiguring) removes nothing. Only in a bootstrap transaction; the comparison is made against
     * the state this transaction sees, which no other writer can change while it is open.
     *
     * @return true if the owner changed and the keys' removal was staged
     * @throws KeystoreException     {@code OWNER_SEQUENCE_OLDER} if lower than the stored one (nothing staged)
     * @throws IllegalStateException outside a bootstrap transaction
     */
    default boolean stageOwner(long ownerSequence) throws KeystoreException {
        if (!isBootstrap()) {
            throw new IllegalStateException("only a bootstrap transaction stages an owner");
        }
        if (ownerSequence < 0) {
            throw new IllegalArgumentException("negative owner sequence");
        }
        boolean newOwner = ownerSequence > ownerSequence();
        if (newOwner) {
            removeAllKeys();
        }
        setOwnerSequence(ownerSequence);
        return newOwner;
    }

    /**
     * Writes every staged change durably and atomically, then makes it visible; the transaction is over.
     *
     * @throws KeystoreException {@code STORE_FAILED} (nothing changed) or {@code UNAVAILABLE}
     * @throws IllegalStateException if already committed or closed
     */
    void commit() throws KeystoreException;

    /** Ends the transaction; without a successful {@link #commit()} every staged change is discarded. */
    @Override
    void close();
}
