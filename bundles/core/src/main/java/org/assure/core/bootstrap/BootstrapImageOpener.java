package org.assure.core.bootstrap;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.bootstrap.BootstrapException.Reason;
import org.assure.core.cbor.BootstrapImageCodec;
import org.assure.core.cbor.BootstrapPayloadCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.SharedSecretPayloadCodec;
import org.assure.core.cbor.SigningInputs;
import org.assure.core.crypto.CmsEnvelopes;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.PayloadCipher;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SharedSecretPayload;
import org.assure.core.trust.AuthenticatedKeyValidator;
import org.assure.core.trust.Permissions;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.ValidationException;

/**
 * Opens a bootstrap image on the device with the checks of PROFILE §5, in order: structure → owner information
 * (signature by a trusted Manufacturer or Trusted Authority key, bound to this device; sequence not below the
 * stored one) → the authenticated keys in order, each relying only on trust anchors, keys already trusted and
 * earlier keys of the image → the provisional bootstrap-server key, if any, present as a Bootstrap Service key →
 * the image signature by a Management System key → decryption → the payload's structure. It changes nothing:
 * the caller applies the {@link OpenedImage} atomically.
 */
public final class BootstrapImageOpener {
    private BootstrapImageOpener() {
    }

    /**
     * @throws BootstrapException naming the first check that failed
     */
    public static OpenedImage open(byte[] encoded, DeviceState device) throws BootstrapException {
        BootstrapImage image;
        try {
            image = BootstrapImageCodec.decode(encoded);
        } catch (CborDecodeException e) {
            throw BootstrapException.of(Reason.MALFORMED_IMAGE, e);
        }
        return open(image, device);
    }

    /** As {@link #open(byte[], DeviceState)} for an image already decoded. */
    public static OpenedImage open(BootstrapImage image, DeviceState device) throws BootstrapException {
        AuthenticatedKeyValidator validator = AuthenticatedKeyValidator.of(device.trustedTime());

        checkOwner(image, device, validator);

        Map<UUID, TrustedKey> imported = new LinkedHashMap<>();
        TrustedKeys view = device.trusted().with(id -> Optional.ofNullable(imported.get(id)));
        List<AuthenticatedKey> keys = image.keys();
        for (int i = 0; i < keys.size(); i++) {
            try {
                TrustedKey key = validator.validate(keys.get(i), view);
                imported.put(key.keyId(), key);
            } catch (ValidationException e) {
                throw BootstrapException.keyRejected(i, e);
            }
        }

        if (device.provisionalServerKey().isPresent()) {
            confirmServer(device.provisionalServerKey().get(), imported.values());
        }

        try {
            validator.verify(image.signature(), SigningInputs.bootstrapImage(image), view,
                    Permissions.signersOf(Permissions.Artifact.BOOTSTRAP_IMAGE));
        } catch (ValidationException e) {
            throw BootstrapException.of(Reason.IMAGE_SIGNATURE, e);
        }

        TrustedKey decryptionKey = view.find(image.decryptionKeyId())
                .orElseThrow(() -> BootstrapException.of(Reason.NO_DECRYPTION_KEY));
        byte[] plaintext = decrypt(image, decryptionKey);
        try {
            BootstrapPayload payload = BootstrapPayloadCodec.decode(plaintext);
            return new OpenedImage(image, new ArrayList<>(imported.values()), image.owner().sequence(), payload);
        } catch (CborDecodeException e) {
            throw BootstrapException.of(Reason.MALFORMED_PAYLOAD, e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static void checkOwner(BootstrapImage image, DeviceState device, AuthenticatedKeyValidator validator)
            throws BootstrapException {
        try {
            validator.verify(image.owner().signature(), SigningInputs.ownerInformation(device.deviceId(), image.owner()),
                    device.trusted(), Permissions.signersOf(Permissions.Artifact.OWNER_INFORMATION));
        } catch (ValidationException e) {
            throw BootstrapException.of(Reason.OWNER_SIGNATURE, e);
        }
        if (image.owner().sequence() < device.storedOwnerSequence()) {
            throw BootstrapException.of(Reason.OWNER_SEQUENCE_REPLAYED);
        }
    }

    private static void confirmServer(PublicKey serverKey, Iterable<TrustedKey> imported) throws BootstrapException {
        for (TrustedKey key : imported) {
            if (key.identityClass() == IdentityClass.BOOTSTRAP_SERVICE && key.publicKey().isPresent()
                    && Arrays.equals(key.publicKey().get().getEncoded(), serverKey.getEncoded())) {
                return;
            }
        }
        throw BootstrapException.of(Reason.BOOTSTRAP_SERVER_NOT_CONFIRMED);
    }

    private static byte[] decrypt(BootstrapImage image, TrustedKey key) throws BootstrapException {
        try {
            if (key.privateKey().isPresent()) {
                return CmsEnvelopes.open(key.privateKey().get(), key.keyId(), image.encryptedPayload());
            }
            SecretBytes secret = key.secret().orElseThrow(() -> BootstrapException.of(Reason.NO_DECRYPTION_KEY));
            SharedSecretPayload body = SharedSecretPayloadCodec.decode(image.encryptedPayload().toByteArray());
            SecretBytes contentKey = SecretDerivation.derive(secret, body.salt(), body.iterations(), body.encryptedSecret());
            return PayloadCipher.decrypt(body.cipherSuite(), contentKey, body.iv(), body.tag(), body.encryptedData());
        } catch (CryptoException | CborDecodeException e) {
            throw BootstrapException.of(Reason.DECRYPTION_FAILED, e);
        }
    }
}
