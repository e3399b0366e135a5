package org.assure.keystore;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The device keystore service. Each {@link KeyOperations} call on it commits on its own (durably, before it
 * returns); {@link #begin()} and {@link #beginBootstrap()} group changes into one atomic commit. Thread-safe:
 * readers see consistent snapshots, writers are serialised.
 */
@ProviderType
public interface Keystore extends KeyOperations {
    /**
     * Starts a transaction for ordinary changes (keys added in it are not bootstrap-defined).
     *
     * @throws KeystoreException {@code UNAVAILABLE} if another transaction holds the writer slot too long, or the
     *                           keystore is closed
     */
    KeystoreTransaction begin() throws KeystoreException;

    /**
     * Starts a bootstrap transaction (PROFILE §5): keys imported or generated in it are bootstrap-defined, it may
     * delete bootstrap-defined keys and {@link KeystoreTransaction#removeAllKeys()}, and it stages the owner
     * sequence number together with the channel manager's blob.
     *
     * @throws KeystoreException {@code UNAVAILABLE} as for {@link #begin()}
     */
    KeystoreTransaction beginBootstrap() throws KeystoreException;

    /** DTLS credentials made from this keystore's keys, for channels and the bootstrap client. */
    KeystoreCredentials credentials();
}
