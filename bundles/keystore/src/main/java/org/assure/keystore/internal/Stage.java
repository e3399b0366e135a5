package org.assure.keystore.internal;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.trust.AuthenticatedKeyValidator;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.ValidationException;
import org.assure.core.trust.Validity;
import org.assure.keystore.DeleteOutcome;
import org.assure.keystore.ImportOutcome;
import org.assure.keystore.KeyOperations;
import org.assure.keystore.KeyOrigin;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreException.Reason;
import org.assure.keystore.TrustedTime;

/**
 * The keystore's rules applied to a working copy of the state: each operation validates, then replaces
 * {@link #state()} with the changed value, or throws and leaves it as it was. Persisting is the caller's job
 * (one operation, or a whole transaction). Not thread-safe.
 */
class Stage extends StateView implements KeyOperations {
    private final StoreState base;
    private final boolean bootstrap;
    private final TrustedTime time;
    private final SecureRandom random;
    private StoreState current;

    Stage(Anchors anchors, int capacity, StoreState base, boolean bootstrap, TrustedTime time, SecureRandom random) {
        super(anchors, capacity);
        this.base = Objects.requireNonNull(base, "base");
        this.current = base;
        this.bootstrap = bootstrap;
        this.time = Objects.requireNonNull(time, "time");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    StoreState state() {
        return current;
    }

    boolean changed() {
        return current != base;
    }

    boolean bootstrap() {
        return bootstrap;
    }

    @Override
    public ImportOutcome importKey(AuthenticatedKey key) throws KeystoreException {
        Objects.requireNonNull(key, "key");
        UUID id = key.keyId();
        if (anchors.isAnchor(id)) {
            throw new KeystoreException(Reason.KEY_ID_CONFLICT);
        }
        KeyEntry existing = current.keys().get(id);
        if (existing != null) {
            if (existing.stored().orElseThrow().equals(key)) {
                return ImportOutcome.ALREADY_PRESENT;
            }
            throw new KeystoreException(Reason.KEY_ID_CONFLICT);
        }
        checkCapacity();
        TrustedKey trusted;
        try {
            trusted = validator().validate(key, trustedKeys());
        } catch (ValidationException e) {
            throw new KeystoreException(e);
        }
        current = current.withKey(new KeyEntry(trusted, KeyOrigin.IMPORTED, true, bootstrap));
        return ImportOutcome.CREATED;
    }

    @Override
    public AuthenticatedKey generateKey(GenerateKeyType type, boolean persistent) throws KeystoreException {
        if (type == null) {
            throw new KeystoreException(Reason.UNSUPPORTED_KEY_TYPE);
        }
        checkCapacity();
        KeyPair pair = KeyGeneration.generate(type, random);
        UUID id = freshId();
        Bytes publicKey = Keys.encodePublic(pair.getPublic());
        SecretBytes privateKey = Keys.encodePrivate(pair.getPrivate());
        KeyDefinition definition = type == GenerateKeyType.RSA_2048 ? new RsaKey(id, publicKey, privateKey)
                : new EcKey(id, publicKey, privateKey);
        Optional<SimpleTimestamp> now = time.now();
        Validity validity = now.map(t -> new Validity(t, SimpleTimestamp.NONE)).orElse(Validity.UNBOUNDED);
        // PROFILE §3: generated keys are class 5, owned by this device, signed by the device key.
        AuthenticatedKey authenticated = SigningKey.of(anchors.deviceKey())
                .authenticate(IdentityClass.CHANNEL, definition, KeyMetadata.ownedBy(anchors.deviceId()), validity);
        TrustedKey trusted;
        try {
            trusted = TrustedKey.authenticated(authenticated, SecretBytes.EMPTY);
        } catch (CryptoException e) {
            throw new KeystoreException(Reason.STORE_FAILED, e);
        }
        current = current.withKey(new KeyEntry(trusted, KeyOrigin.GENERATED, persistent, bootstrap));
        return new AuthenticatedKey(authenticated.identityClass(), ((AsymmetricKey) definition).publicOnly(),
                authenticated.metadata(), authenticated.signature());
    }

    private UUID freshId() {
        // Random (version 4) UUIDs from the keystore's generator, never colliding with a stored id.
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
            bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
            UUID id = org.assure.core.model.Uuids.fromBytes(bytes);
            if (!anchors.isAnchor(id) && !current.keys().containsKey(id)) {
                return id;
            }
        }
    }

    @Override
    public DeleteOutcome deleteKey(UUID keyId) throws KeystoreException {
        Objects.requireNonNull(keyId, "keyId");
        if (anchors.isAnchor(keyId)) {
            throw new KeystoreException(Reason.TRUST_ANCHOR);
        }
        KeyEntry entry = current.keys().get(keyId);
        if (entry == null) {
            return DeleteOutcome.NOT_PRESENT;
        }
        if (entry.bootstrapDefined() && !bootstrap) {
            throw new KeystoreException(Reason.BOOTSTRAP_DEFINED);
        }
        for (KeyEntry other : current.keys().values()) {
            if (other != entry && dependsOn(other, keyId)) {
                throw new KeystoreException(Reason.KEY_IN_USE);
            }
        }
        current = current.withoutKey(keyId);
        return DeleteOutcome.DELETED;
    }

    /** Signed by the key, or derived from it (draft §10.1.4: reference keys cannot be deleted). */
    private static boolean dependsOn(KeyEntry entry, UUID keyId) {
        AuthenticatedKey stored = entry.stored().orElseThrow();
        if (stored.signature().keyId().equals(keyId)) {
            return true;
        }
        return stored.key() instanceof DerivedSecretKey derived
                && derived.derivations().stream().map(Derivation::referenceKeyId).anyMatch(keyId::equals);
    }

    @Override
    public void putBlob(String name, Bytes value) {
        checkBlobName(name);
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_BLOB_BYTES) {
            throw new IllegalArgumentException("blob larger than " + MAX_BLOB_BYTES + " bytes");
        }
        current = current.withBlob(name, value);
    }

    @Override
    public void removeBlob(String name) {
        checkBlobName(name);
        if (current.blobs().containsKey(name)) {
            current = current.withoutBlob(name);
        }
    }

    private static void checkBlobName(String name) {
        if (name == null || !BLOB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid blob name");
        }
    }

    void setOwnerSequence(long sequence) throws KeystoreException {
        if (sequence < 0) {
            throw new IllegalArgumentException("negative owner sequence");
        }
        if (sequence < current.ownerSequence()) {
            throw new KeystoreException(Reason.OWNER_SEQUENCE_OLDER);
        }
        current = current.withOwnerSequence(sequence);
    }

    void removeAllKeys() {
        if (!bootstrap) {
            throw new IllegalStateException("only a bootstrap transaction removes all keys");
        }
        current = current.withoutKeys();
    }

    private void checkCapacity() throws KeystoreException {
        if (current.keys().size() >= capacity) {
            throw new KeystoreException(Reason.FULL);
        }
    }

    private AuthenticatedKeyValidator validator() {
        return AuthenticatedKeyValidator.of(time.now());
    }
}
