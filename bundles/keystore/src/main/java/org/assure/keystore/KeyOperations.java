package org.assure.keystore;

import java.util.UUID;
import java.util.regex.Pattern;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The keystore operations behind the Device Management API (draft §10.1.1–10.1.5). Both the {@link Keystore}
 * (each call commits on its own, durably, before it returns) and a {@link KeystoreTransaction} (calls are staged
 * until {@link KeystoreTransaction#commit()}) offer them, so that the same API handlers serve live requests and
 * bootstrap replay. Every failure throws {@link KeystoreException} and changes nothing.
 */
@ProviderType
public interface KeyOperations extends KeystoreView {
    /** Blob names: 1..64 of {@code a-z 0-9 . _ -}, starting with a letter. */
    Pattern BLOB_NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    /** Largest blob. */
    int MAX_BLOB_BYTES = 1024 * 1024;

    /**
     * Imports an authenticated key (draft §10.1.1) after core's five checks against the keys stored now (draft
     * §7.4, PROFILE §3: signer present, signature and chain current when the device has trusted time, signer
     * class permitted, signature matches). A private part, if given, must match the public key; it is stored
     * encrypted. Imported keys are persistent.
     *
     * @return {@link ImportOutcome#ALREADY_PRESENT} if the identical key is stored (nothing changes)
     * @throws KeystoreException {@code VALIDATION_FAILED} (with core's reason), {@code KEY_ID_CONFLICT} if a
     *                           different key or a trust anchor has this id, {@code FULL} at capacity,
     *                           {@code UNAVAILABLE} or {@code STORE_FAILED}
     */
    ImportOutcome importKey(AuthenticatedKey key) throws KeystoreException;

    /**
     * Generates a key (draft §10.1.2): class 5 Channel, metadata {@code {0: device uuid}}, signed by the device key
     * (PROFILE §3), validity from trusted time when the device has it.
     *
     * @param persistent false keeps the key in RAM only: it is gone after a restart
     * @return the authenticated key in public form (the private key never leaves the keystore)
     * @throws KeystoreException {@code FULL} at capacity, {@code UNAVAILABLE} or {@code STORE_FAILED}
     */
    AuthenticatedKey generateKey(GenerateKeyType type, boolean persistent) throws KeystoreException;

    /**
     * Deletes a key (draft §10.1.4). The caller (channel manager) checks first that no channel uses it.
     *
     * @return {@link DeleteOutcome#NOT_PRESENT} if there was no such key
     * @throws KeystoreException {@code TRUST_ANCHOR}, {@code BOOTSTRAP_DEFINED} (outside a bootstrap transaction),
     *                           {@code KEY_IN_USE} if another key derives from or is signed by it,
     *                           {@code UNAVAILABLE} or {@code STORE_FAILED}
     */
    DeleteOutcome deleteKey(UUID keyId) throws KeystoreException;

    /**
     * Stores {@code value} under {@code name} in the keystore's store, so that it commits together with key
     * changes (the channel manager keeps its persistent channels here).
     *
     * @throws IllegalArgumentException if the name does not match {@link #BLOB_NAME} or the value is over
     *                                  {@link #MAX_BLOB_BYTES}
     * @throws KeystoreException        {@code UNAVAILABLE} or {@code STORE_FAILED}
     */
    void putBlob(String name, Bytes value) throws KeystoreException;

    /**
     * Removes the blob {@code name}, if any.
     *
     * @throws KeystoreException {@code UNAVAILABLE} or {@code STORE_FAILED}
     */
    void removeBlob(String name) throws KeystoreException;
}
