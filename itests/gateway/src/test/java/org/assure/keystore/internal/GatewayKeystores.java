package org.assure.keystore.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.SecretBytes;
import org.assure.itests.gateway.Annotations;
import org.assure.keystore.TrustedTime;

/**
 * The keystore as its DS component runs: {@link KeystoreComponent} activated with a configuration naming a factory
 * identity file and its passphrase (this helper sits in the keystore's package only to reach the package-private
 * configuration type; the test class path has no bundle boundaries).
 */
public final class GatewayKeystores {
    private static final SecureRandom RANDOM = new SecureRandom();

    private GatewayKeystores() {
    }

    /** A factory identity file's text for an EC/RSA device (key with private part), as docs/factory-identity.md. */
    public static String identity(UUID device, long bootstrapServerId, AsymmetricKey deviceKey, KeyDefinition taKey,
            char[] passphrase) {
        return FactoryIdentityFile.format(new FactoryIdentity(device, bootstrapServerId,
                new FactoryIdentity.DeviceKey(deviceKey), taKey), passphrase, 10_000, RANDOM);
    }

    /** A factory identity file's text for a shared-secret device. */
    public static String identity(UUID device, long bootstrapServerId, UUID secretId, SecretBytes secret,
            KeyDefinition taKey, char[] passphrase) {
        return FactoryIdentityFile.format(new FactoryIdentity(device, bootstrapServerId,
                new FactoryIdentity.DeviceSecret(secretId, secret), taKey), passphrase, 10_000, RANDOM);
    }

    /** The component, activated as SCR would activate it (no Kura CryptoService, no trusted time yet). */
    public static KeystoreComponent open(Path dataDirectory, Path identityFile, String passphrase) {
        KeystoreComponent component = new KeystoreComponent(Optional.empty(), TrustedTime.NONE);
        component.activate(Annotations.of(KeystoreConfig.class, Map.of("data_directory", dataDirectory.toString(),
                "factory_identity_file", identityFile.toString(), "factory_passphrase", passphrase)));
        return component;
    }

    public static void close(KeystoreComponent component) {
        component.deactivate();
    }
}
