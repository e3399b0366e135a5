package org.assure.kura.internal;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.KeyMetadata;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.Validity;
import org.assure.keystore.DeleteOutcome;
import org.assure.keystore.ImportOutcome;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.KeyOrigin;
import org.assure.keystore.Keystore;
import org.assure.keystore.KeystoreCredentials;
import org.assure.keystore.KeystoreTransaction;
import org.assure.keystore.TrustAnchors;

/**
 * A small in-memory {@link Keystore} for tests (the real one is internal to the keystore bundle): the read side over
 * a list of {@link KeyInfo}s with real keys — a device key pair and EC keys signed by it — and {@link #add}/
 * {@link #remove} playing the Device Management API. Everything the Kura bundle never calls is unsupported.
 */
final class InMemoryKeystore implements Keystore {
    private static final SecureRandom RANDOM = new SecureRandom();

    final UUID deviceId = UUID.randomUUID();
    final KeyPair devicePair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
    private final List<KeyInfo> keys = new CopyOnWriteArrayList<>();

    InMemoryKeystore() {
        keys.add(new KeyInfo(deviceId, IdentityClass.DEVICE, KeyFormat.EC, KeyOrigin.TRUST_ANCHOR, true, false, true,
                false, Optional.of(EcKey.publicKey(deviceId, Keys.encodePublic(devicePair.getPublic()))),
                Optional.empty()));
    }

    /** A class 5 EC key as the device generates it: signed by the device key, owned by this device. */
    KeyInfo generatedKey(boolean persistent) {
        UUID id = UUID.randomUUID();
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        AuthenticatedKey authenticated = SigningKey.of(deviceId, devicePair.getPrivate()).authenticate(
                IdentityClass.CHANNEL, EcKey.publicKey(id, Keys.encodePublic(pair.getPublic())),
                KeyMetadata.ownedBy(deviceId), Validity.UNBOUNDED);
        return new KeyInfo(id, IdentityClass.CHANNEL, KeyFormat.EC, KeyOrigin.GENERATED, persistent, false, true,
                false, Optional.of(authenticated.key()), Optional.of(authenticated));
    }

    void add(KeyInfo key) {
        keys.add(key);
    }

    void remove(UUID keyId) {
        keys.removeIf(key -> key.keyId().equals(keyId));
    }

    @Override
    public UUID deviceId() {
        return deviceId;
    }

    @Override
    public List<KeyInfo> keys() {
        return new ArrayList<>(keys);
    }

    @Override
    public Optional<KeyInfo> key(UUID keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    @Override
    public List<KeyInfo> keysOwnedBy(UUID owner) {
        return keys.stream().filter(k -> k.owner().equals(Optional.of(owner))).toList();
    }

    @Override
    public List<KeyListEntry> keyList() {
        return keys.stream().flatMap(k -> k.listEntry().stream()).toList();
    }

    @Override
    public int size() {
        return (int) keys.stream().filter(k -> k.origin() != KeyOrigin.TRUST_ANCHOR).count();
    }

    @Override
    public int capacity() {
        return 64;
    }

    @Override
    public TrustAnchors trustAnchors() {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }

    @Override
    public TrustedKeys trustedKeys() {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }

    @Override
    public long ownerSequence() {
        return 0;
    }

    @Override
    public Optional<Bytes> blob(String name) {
        return Optional.empty();
    }

    @Override
    public ImportOutcome importKey(AuthenticatedKey key) {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }

    @Override
    public AuthenticatedKey generateKey(GenerateKeyType type, boolean persistent) {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }

    @Override
    public DeleteOutcome deleteKey(UUID keyId) {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }

    @Override
    public void putBlob(String name, Bytes value) {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }

    @Override
    public void removeBlob(String name) {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }

    @Override
    public KeystoreTransaction begin() {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }

    @Override
    public KeystoreTransaction beginBootstrap() {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }

    @Override
    public KeystoreCredentials credentials() {
        throw new UnsupportedOperationException("not used by the Kura bundle");
    }
}
