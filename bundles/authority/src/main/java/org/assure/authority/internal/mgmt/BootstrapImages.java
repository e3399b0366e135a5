package org.assure.authority.internal.mgmt;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.assure.authority.internal.ta.ParameterChoice;
import org.assure.core.bootstrap.BootstrapImageBuilder;
import org.assure.core.bootstrap.PayloadRecipient;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.Validity;

/**
 * Builds a device's bootstrap image from the Trusted Authority's configuration data (draft §15.2, §15.5) with
 * core's {@link BootstrapImageBuilder}: the configuration's keys in order, its owner information, the payload
 * encrypted for the device — to its EC or RSA key (CMS) when the configuration carries one, else under the
 * management key derived for a shared-secret device — and signed with the management key the authority
 * certified for this device (the owner's EC key, or a derived secret for HMAC).
 */
public final class BootstrapImages {
    private BootstrapImages() {
    }

    /**
     * @throws CryptoException UNAUTHENTICATED/FORBIDDEN-like failures when the configuration does not certify a key
     *                         this management system holds; MALFORMED when it is unusable
     */
    public static byte[] build(ConfigurationData config, ManagementKey own, BootstrapPayload payload,
            SecureRandom random) throws CryptoException {
        AuthenticatedKey managementKey = config.authenticatedKeys().stream()
                .filter(k -> k.identityClass() == IdentityClass.MANAGEMENT_SYSTEM).findFirst()
                .orElseThrow(() -> new CryptoException(ErrorKind.MALFORMED, "configuration has no management key"));
        SigningKey signer;
        Optional<SecretBytes> derived = Optional.empty();
        if (managementKey.key() instanceof DerivedSecretKey k) {
            SecretBytes secret = DerivedSecrets.resolve(k, TrustedKeys.of(List.of(own.asTrustedKey())))
                    .orElseThrow(() -> new CryptoException(ErrorKind.UNAUTHENTICATED, "management key not derived for us"));
            derived = Optional.of(secret);
            signer = SigningKey.ofSecret(k.keyId(), secret);
        } else if (managementKey.key() instanceof AsymmetricKey a && a.keyId().equals(own.keyId())
                && a.publicKey().equals(Keys.encodePublic(own.pair().getPublic()))) {
            signer = SigningKey.of(own.keyId(), own.pair().getPrivate());
        } else {
            throw new CryptoException(ErrorKind.UNAUTHENTICATED, "configuration certifies another management key");
        }
        Optional<Bytes> deviceKey = config.parameterChoices().stream().map(ParameterChoice::decode)
                .map(ParameterChoice::deviceKey).flatMap(Optional::stream).findFirst();
        PayloadRecipient recipient;
        CmsOptions options = config.capabilities().aes256Capable() && config.capabilities().sha512Capable()
                ? new CmsOptions(true, "SHA-512") : CmsOptions.DEFAULT;
        if (deviceKey.isPresent()) {
            PublicKey pub = parseDeviceKey(deviceKey.get());
            recipient = new PayloadRecipient.PublicKeyRecipient(config.deviceId(), pub, options);
        } else if (derived.isPresent()) {
            CipherSuite suite = config.capabilities().aes256Capable() ? CipherSuite.AES_256_CCM : CipherSuite.AES_128_CCM;
            recipient = new PayloadRecipient.SecretRecipient(managementKey.keyId(), derived.get(), suite,
                    SecretDerivation.DEFAULT_ITERATIONS);
        } else {
            throw new CryptoException(ErrorKind.MALFORMED, "configuration names no key to encrypt for");
        }
        return BootstrapImageBuilder.buildEncoded(config.authenticatedKeys(), config.ownerInformation(), recipient,
                payload, signer, Validity.UNBOUNDED, random);
    }

    private static PublicKey parseDeviceKey(Bytes spki) throws CryptoException {
        try {
            return Keys.publicKey(KeyFormat.EC, spki);
        } catch (CryptoException notEc) {
            return Keys.publicKey(KeyFormat.RSA, spki);
        }
    }
}
