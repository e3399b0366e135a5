package org.assure.core.bootstrap;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivationReference;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TestIdentities;
import org.assure.core.trust.TestIdentities.Identity;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.Validity;

/**
 * A Trusted Authority, a management system, a bootstrap server and one device (EC, RSA or shared-secret only),
 * with everything needed to build an image for the device and the device state to open it with.
 */
final class BootstrapScenario {
    final UUID deviceId = UUID.randomUUID();
    final Identity mgmt = TestIdentities.ec(IdentityClass.MANAGEMENT_SYSTEM);
    final Identity bootstrapServer = TestIdentities.ec(IdentityClass.BOOTSTRAP_SERVICE);
    final BootstrapPayload payload = new BootstrapPayload(List.of(
            Bytes.fromHex("4203123412b276316b65797301"), Bytes.fromHex("4203123512b27631686368616e6e656c73")));

    final List<TrustedKey> anchors = new ArrayList<>();
    final List<AuthenticatedKey> imageKeys = new ArrayList<>();
    SigningKey ownerSigner;
    SigningKey imageSigner;
    PayloadRecipient recipient;

    /** An EC or RSA device: anchors are the device key (with private part) and an EC Trusted Authority key. */
    static BootstrapScenario publicKeyDevice(GenerateKeyType deviceKeyType) throws CryptoException {
        BootstrapScenario s = new BootstrapScenario();
        Identity ta = TestIdentities.ec(IdentityClass.TRUSTED_AUTHORITY);
        Identity device = TestIdentities.identity(IdentityClass.DEVICE, deviceKeyType);
        s.anchors.add(ta.anchor());
        s.anchors.add(device.anchor());
        s.imageKeys.add(s.mgmt.authenticatedBy(ta, Validity.UNBOUNDED));
        s.imageKeys.add(s.bootstrapServer.authenticatedBy(ta, Validity.UNBOUNDED));
        s.ownerSigner = ta.signer();
        s.imageSigner = s.mgmt.signer();
        s.recipient = new PayloadRecipient.PublicKeyRecipient(device.id(), device.pair().getPublic(), CmsOptions.DEFAULT);
        return s;
    }

    /**
     * A shared-secret-only device: anchors are its device secret and a Trusted Authority secret derived from it;
     * the management system's key for the device is a derived secret K (from the device secret and from the
     * management system's EC key), signed by the TA with HMAC; the image is HMAC-signed with K and encrypted under K.
     */
    static BootstrapScenario sharedSecretDevice(CipherSuite suite) throws CryptoException {
        BootstrapScenario s = new BootstrapScenario();
        SecretBytes deviceSecret = TestIdentities.secret();
        DerivationReference fromDevice = new DerivationReference.Secret(s.deviceId, deviceSecret, SecretDerivation.DEFAULT_ITERATIONS);
        SecretBytes taSecret = TestIdentities.secret();
        DerivedSecretKey taKey = DerivedSecrets.create(UUID.randomUUID(), taSecret, List.of(fromDevice), TestIdentities.RANDOM);
        s.anchors.add(TrustedKey.secretAnchor(s.deviceId, IdentityClass.DEVICE, deviceSecret));
        s.anchors.add(TrustedKey.derivedAnchor(taKey, IdentityClass.TRUSTED_AUTHORITY, taSecret));
        SigningKey ta = SigningKey.ofSecret(taKey.keyId(), taSecret);

        SecretBytes kSecret = TestIdentities.secret();
        DerivedSecretKey k = DerivedSecrets.create(UUID.randomUUID(), kSecret, List.of(fromDevice,
                new DerivationReference.Public(s.mgmt.id(), s.mgmt.pair().getPublic(), CmsOptions.DEFAULT)), TestIdentities.RANDOM);
        s.imageKeys.add(ta.authenticate(IdentityClass.MANAGEMENT_SYSTEM, k, KeyMetadata.NONE, Validity.UNBOUNDED));
        s.ownerSigner = ta;
        s.imageSigner = SigningKey.ofSecret(k.keyId(), kSecret);
        s.recipient = new PayloadRecipient.SecretRecipient(k.keyId(), kSecret, suite, SecretDerivation.DEFAULT_ITERATIONS);
        return s;
    }

    OwnerInformation owner(long sequence) {
        return ownerSigner.ownerInformation(deviceId, sequence, Validity.UNBOUNDED);
    }

    byte[] image(long ownerSequence) throws CryptoException {
        return BootstrapImageBuilder.buildEncoded(imageKeys, owner(ownerSequence), recipient, payload, imageSigner,
                Validity.UNBOUNDED, TestIdentities.RANDOM);
    }

    DeviceState device(long storedSequence) {
        return DeviceState.of(deviceId, TrustedKeys.of(anchors), storedSequence);
    }

    DeviceState deviceWithProvisionalServerKey(PublicKey serverKey) {
        return new DeviceState(deviceId, TrustedKeys.of(anchors), 0, Optional.empty(), Optional.of(serverKey));
    }
}
