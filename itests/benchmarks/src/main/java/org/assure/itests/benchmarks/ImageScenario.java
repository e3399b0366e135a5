package org.assure.itests.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assure.core.bootstrap.BootstrapImageBuilder;
import org.assure.core.bootstrap.DeviceState;
import org.assure.core.bootstrap.PayloadRecipient;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
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
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.Validity;

/**
 * A device fresh from manufacture and a {@value #KEYS}-key bootstrap image for it, as its management system
 * builds one: the management key, the bootstrap server key and {@value #CHANNEL_KEYS} channel keys, an owner
 * record, and a payload of {@value #PAYLOAD_MESSAGES} CoAP messages encrypted for the device.
 */
final class ImageScenario {
    static final int KEYS = 20;
    static final int CHANNEL_KEYS = KEYS - 2;
    static final int PAYLOAD_MESSAGES = 20;
    private static final long OWNER_SEQUENCE = 1;

    private final byte[] image;
    private final DeviceState device;
    private final BootstrapPayload payload;

    private ImageScenario(byte[] image, DeviceState device, BootstrapPayload payload) {
        this.image = image;
        this.device = device;
        this.payload = payload;
    }

    /** The encoded image; not copied, so that benchmarks measure opening only. Callers must not modify it. */
    byte[] image() {
        return image;
    }

    /** The device's state before bootstrap: owner sequence 0, no trusted time. */
    DeviceState device() {
        return device;
    }

    /** The payload the image carries, before encryption. */
    BootstrapPayload payload() {
        return payload;
    }

    /**
     * An EC or RSA device. Anchors: the device key (with its private part) and an EC P-256 Trusted Authority
     * key. The TA authenticates the EC P-256 management and bootstrap-server keys; the management key
     * authenticates EC P-256 channel keys, signs the image, and the payload is a CMS envelope for the device key.
     */
    static ImageScenario publicKeyDevice(GenerateKeyType deviceKeyType) throws CryptoException {
        UUID deviceId = UUID.randomUUID();
        Identity ta = Identity.ec(IdentityClass.TRUSTED_AUTHORITY);
        Identity deviceKey = Identity.generate(IdentityClass.DEVICE, deviceKeyType);
        Identity mgmt = Identity.ec(IdentityClass.MANAGEMENT_SYSTEM);
        SigningKey mgmtSigner = mgmt.signer();

        List<AuthenticatedKey> keys = new ArrayList<>();
        keys.add(mgmt.authenticatedBy(ta.signer()));
        keys.add(Identity.ec(IdentityClass.BOOTSTRAP_SERVICE).authenticatedBy(ta.signer()));
        for (int i = 0; i < CHANNEL_KEYS; i++) {
            keys.add(Identity.ec(IdentityClass.CHANNEL).authenticatedBy(mgmtSigner));
        }
        OwnerInformation owner = ta.signer().ownerInformation(deviceId, OWNER_SEQUENCE, Validity.UNBOUNDED);
        var recipient = new PayloadRecipient.PublicKeyRecipient(deviceKey.id(), deviceKey.pair().getPublic(),
                CmsOptions.DEFAULT);
        BootstrapPayload payload = newPayload();
        byte[] image = BootstrapImageBuilder.buildEncoded(keys, owner, recipient, payload, mgmtSigner,
                Validity.UNBOUNDED, Identity.RANDOM);
        TrustedKeys anchors = TrustedKeys.of(List.of(ta.publicAnchor(), deviceKey.privateAnchor()));
        return new ImageScenario(image, DeviceState.of(deviceId, anchors, 0), payload);
    }

    /**
     * A shared-secret-only device, built as the core's shared-secret scenario: anchors are the device secret and
     * a TA secret derived from it. The TA HMAC-signs the management key K, a secret derived from the device
     * secret (and, for the management system, from its EC key). K HMAC-signs the bootstrap-server key and the
     * channel keys, each a secret derived from K (and from the peer's EC key), signs the image, and is the secret
     * the payload key is derived from. So the device runs one PBKDF2 per imported key plus one for the payload.
     */
    static ImageScenario sharedSecretDevice(CipherSuite suite) throws CryptoException {
        UUID deviceId = UUID.randomUUID();
        SecretBytes deviceSecret = secret();
        var fromDevice = new DerivationReference.Secret(deviceId, deviceSecret, SecretDerivation.DEFAULT_ITERATIONS);
        SecretBytes taSecret = secret();
        DerivedSecretKey taKey = DerivedSecrets.create(UUID.randomUUID(), taSecret, List.of(fromDevice), Identity.RANDOM);
        SigningKey ta = SigningKey.ofSecret(taKey.keyId(), taSecret);

        SecretBytes kSecret = secret();
        DerivedSecretKey k = derivedFor(kSecret, fromDevice, Identity.ec(IdentityClass.MANAGEMENT_SYSTEM));
        SigningKey kSigner = SigningKey.ofSecret(k.keyId(), kSecret);
        var fromK = new DerivationReference.Secret(k.keyId(), kSecret, SecretDerivation.DEFAULT_ITERATIONS);

        List<AuthenticatedKey> keys = new ArrayList<>();
        keys.add(ta.authenticate(IdentityClass.MANAGEMENT_SYSTEM, k, KeyMetadata.NONE, Validity.UNBOUNDED));
        DerivedSecretKey server = derivedFor(secret(), fromK, Identity.ec(IdentityClass.BOOTSTRAP_SERVICE));
        keys.add(kSigner.authenticate(IdentityClass.BOOTSTRAP_SERVICE, server, KeyMetadata.NONE, Validity.UNBOUNDED));
        for (int i = 0; i < CHANNEL_KEYS; i++) {
            DerivedSecretKey channel = derivedFor(secret(), fromK, Identity.ec(IdentityClass.CHANNEL));
            keys.add(kSigner.authenticate(IdentityClass.CHANNEL, channel, KeyMetadata.NONE, Validity.UNBOUNDED));
        }
        OwnerInformation owner = ta.ownerInformation(deviceId, OWNER_SEQUENCE, Validity.UNBOUNDED);
        var recipient = new PayloadRecipient.SecretRecipient(k.keyId(), kSecret, suite, SecretDerivation.DEFAULT_ITERATIONS);
        BootstrapPayload payload = newPayload();
        byte[] image = BootstrapImageBuilder.buildEncoded(keys, owner, recipient, payload, kSigner,
                Validity.UNBOUNDED, Identity.RANDOM);
        TrustedKeys anchors = TrustedKeys.of(List.of(
                TrustedKey.secretAnchor(deviceId, IdentityClass.DEVICE, deviceSecret),
                TrustedKey.derivedAnchor(taKey, IdentityClass.TRUSTED_AUTHORITY, taSecret)));
        return new ImageScenario(image, DeviceState.of(deviceId, anchors, 0), payload);
    }

    /** A derived secret the device reaches through {@code fromDevice} and the other party through its EC key. */
    private static DerivedSecretKey derivedFor(SecretBytes secret, DerivationReference fromDevice, Identity peer)
            throws CryptoException {
        var fromPeer = new DerivationReference.Public(peer.id(), peer.pair().getPublic(), CmsOptions.DEFAULT);
        return DerivedSecrets.create(UUID.randomUUID(), secret, List.of(fromDevice, fromPeer), Identity.RANDOM);
    }

    private static SecretBytes secret() {
        return KeyGeneration.randomSecret(32, Identity.RANDOM);
    }

    /**
     * CoAP POST requests to {@code /v1/channels} (RFC 7252 UDP encoding, Content-Format 60), each with a
     * 96-byte body. The opener only decrypts and splits the payload, so the body content does not matter.
     */
    private static BootstrapPayload newPayload() {
        List<Bytes> messages = new ArrayList<>(PAYLOAD_MESSAGES);
        for (int i = 0; i < PAYLOAD_MESSAGES; i++) {
            byte[] header = {
                0x42, 0x02, (byte) (i >> 8), (byte) i, // CON, token length 2, POST, message id
                0x12, 0x34, // token
                (byte) 0xB2, 'v', '1', // Uri-Path (11) "v1"
                0x08, 'c', 'h', 'a', 'n', 'n', 'e', 'l', 's', // Uri-Path "channels"
                0x11, 60, // Content-Format (12): application/cbor
                (byte) 0xFF // payload marker
            };
            byte[] message = new byte[header.length + 96];
            System.arraycopy(header, 0, message, 0, header.length);
            byte[] body = new byte[96];
            Identity.RANDOM.nextBytes(body);
            System.arraycopy(body, 0, message, header.length, body.length);
            messages.add(Bytes.of(message));
        }
        return new BootstrapPayload(messages);
    }
}
