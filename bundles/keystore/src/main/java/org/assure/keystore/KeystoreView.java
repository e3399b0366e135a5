package org.assure.keystore;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.Bytes;
import org.assure.core.model.KeyListEntry;
import org.assure.core.trust.TrustedKeys;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A read-only view of the keystore: a consistent snapshot per call, never blocking on writers. Inside a
 * {@link KeystoreTransaction} the view includes the transaction's staged changes. Private parts never leave
 * through {@link KeyInfo}; only {@link #trustedKeys()} hands key material to in-process crypto (core's validator,
 * the bootstrap image opener, DTLS).
 */
@ProviderType
public interface KeystoreView {
    /** Most keys {@link #keyList()} returns (docs/PROFILE-ADDITIONS.md item 5). */
    int MAX_KEY_LIST = 1024;

    /** This device's UUID (factory identity). */
    UUID deviceId();

    /** The keys installed at manufacture. */
    TrustAnchors trustAnchors();

    /** Every key: trust anchors first, then imported and generated keys in the order they were added. */
    List<KeyInfo> keys();

    /** The key with this id, if stored. */
    Optional<KeyInfo> key(UUID keyId);

    /** The authenticated keys whose metadata names {@code owner} as owning device (draft §7.10). */
    List<KeyInfo> keysOwnedBy(UUID owner);

    /**
     * The {@code GET /v1/keys} answer (draft §10.1.5): every authenticated key (anchors are not authenticated keys)
     * in public form with the {@code PRESENT} flag, at most {@link #MAX_KEY_LIST}.
     */
    List<KeyListEntry> keyList();

    /** Number of imported and generated keys (trust anchors not counted), against {@link #capacity()}. */
    int size();

    /** Most imported and generated keys the keystore holds; one more is refused as {@link KeystoreException.Reason#FULL}. */
    int capacity();

    /**
     * The keys as core's trust model sees them, with private keys and secrets, for {@code AuthenticatedKeyValidator},
     * {@code BootstrapImageOpener} ({@code DeviceState}) and DTLS. In-process only: never serialise what it returns.
     */
    TrustedKeys trustedKeys();

    /** The stored owner sequence number (draft §15.5); 0 before the first bootstrap. */
    long ownerSequence();

    /** A blob another service keeps in the keystore's store (e.g. the channel manager's channels), if set. */
    Optional<Bytes> blob(String name);
}
