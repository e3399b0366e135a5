package org.assure.keystore.internal;

import java.security.SecureRandom;
import java.util.Arrays;
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
import org.assure.keystore.Keystore;
import org.assure.keystore.KeystoreCredentials;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreTransaction;
import org.assure.keystore.TrustAnchors;
import org.assure.keystore.TrustedTime;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keystore as a DS component and Kura configurable component: reads the factory identity, opens the store in
 * the data directory and serves {@link Keystore}. Configuration changes re-activate it. Kura's CryptoService, when
 * present at activation, decrypts the passphrase Kura stores encrypted and wraps the at-rest key; the trusted time
 * service, when present, is consulted at every import.
 */
@Component(name = KeystoreComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {Keystore.class, ConfigurableComponent.class},
        property = {"service.pid=" + KeystoreComponent.PID, "kura.service.pid=" + KeystoreComponent.PID})
@Designate(ocd = KeystoreConfig.class)
public final class KeystoreComponent implements Keystore, ConfigurableComponent {
    /** Component name = configuration PID = OCD id (Kura's rule). */
    public static final String PID = "org.assure.keystore";
    private static final Logger LOG = LoggerFactory.getLogger(KeystoreComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CryptoService crypto;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TrustedTime trustedTime;

    private volatile FileKeystore keystore;

    public KeystoreComponent() {
    }

    /** For tests: the references DS would inject. */
    KeystoreComponent(Optional<CryptoService> crypto, TrustedTime trustedTime) {
        this.crypto = crypto.orElse(null);
        this.trustedTime = trustedTime;
    }

    /**
     * @throws IllegalArgumentException naming the property if the configuration is invalid
     * @throws IllegalStateException    if the factory identity or the store cannot be opened
     */
    @Activate
    void activate(KeystoreConfig config) {
        CryptoService cryptoService = crypto;
        KeystoreSettings settings = KeystoreSettings.from(config, passphrase(config, cryptoService));
        Anchors anchors;
        try {
            anchors = FactoryIdentityFile.load(settings.factoryIdentityFile(), settings.passphrase());
        } catch (FactoryIdentityException e) {
            LOG.error("aSSURE keystore not started: {}", e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            settings.clearPassphrase();
        }
        try {
            keystore = FileKeystore.open(settings.dataDirectory(), anchors, settings.capacity(),
                    Optional.ofNullable(cryptoService), () -> trustedTime, new SecureRandom(), settings.writerWait());
        } catch (KeystoreException e) {
            LOG.error("aSSURE keystore not started: {} ({})", e.getMessage(), settings.dataDirectory());
            throw new IllegalStateException("keystore: " + e.getMessage(), e);
        }
        LOG.info("aSSURE keystore started for device {}: {} keys, capacity {}", anchors.deviceId(), keystore.size(),
                settings.capacity());
    }

    /** Kura delivers password attributes encrypted by its CryptoService; without one the value is in clear. */
    private static char[] passphrase(KeystoreConfig config, CryptoService cryptoService) {
        String value = config.factory_passphrase();
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("factory.passphrase: required");
        }
        if (cryptoService == null) {
            return value.toCharArray();
        }
        char[] encrypted = value.toCharArray();
        try {
            return cryptoService.decryptAes(encrypted);
        } catch (KuraException | RuntimeException e) {
            throw new IllegalArgumentException("factory.passphrase: cannot be decrypted by Kura's CryptoService");
        } finally {
            Arrays.fill(encrypted, '\0');
        }
    }

    @Deactivate
    void deactivate() {
        FileKeystore current = keystore;
        if (current != null) {
            current.close();
        }
        LOG.info("aSSURE keystore stopped");
    }

    private FileKeystore store() {
        FileKeystore current = keystore;
        if (current == null) {
            throw new IllegalStateException("keystore is not active");
        }
        return current;
    }

    @Override
    public UUID deviceId() {
        return store().deviceId();
    }

    @Override
    public TrustAnchors trustAnchors() {
        return store().trustAnchors();
    }

    @Override
    public List<KeyInfo> keys() {
        return store().keys();
    }

    @Override
    public Optional<KeyInfo> key(UUID keyId) {
        return store().key(keyId);
    }

    @Override
    public List<KeyInfo> keysOwnedBy(UUID owner) {
        return store().keysOwnedBy(owner);
    }

    @Override
    public List<KeyListEntry> keyList() {
        return store().keyList();
    }

    @Override
    public int size() {
        return store().size();
    }

    @Override
    public int capacity() {
        return store().capacity();
    }

    @Override
    public TrustedKeys trustedKeys() {
        return store().trustedKeys();
    }

    @Override
    public long ownerSequence() {
        return store().ownerSequence();
    }

    @Override
    public Optional<Bytes> blob(String name) {
        return store().blob(name);
    }

    @Override
    public ImportOutcome importKey(AuthenticatedKey key) throws KeystoreException {
        return store().importKey(key);
    }

    @Override
    public AuthenticatedKey generateKey(GenerateKeyType type, boolean persistent) throws KeystoreException {
        return store().generateKey(type, persistent);
    }

    @Override
    public DeleteOutcome deleteKey(UUID keyId) throws KeystoreException {
        return store().deleteKey(keyId);
    }

    @Override
    public void putBlob(String name, Bytes value) throws KeystoreException {
        store().putBlob(name, value);
    }

    @Override
    public void removeBlob(String name) throws KeystoreException {
        store().removeBlob(name);
    }

    @Override
    public KeystoreTransaction begin() throws KeystoreException {
        return store().begin();
    }

    @Override
    public KeystoreTransaction beginBootstrap() throws KeystoreException {
        return store().beginBootstrap();
    }

    @Override
    public KeystoreCredentials credentials() {
        return store().credentials();
    }

    @Override
    public String toString() {
        return "KeystoreComponent[" + keystore + "]";
    }
}
