package org.assure.authority.internal.identity;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.Ecies;
import org.assure.authority.SharedSecretAnchors;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.error.ErrorKind;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.json.JsonDecodeException;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivationReference;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;

/**
 * The Trusted Authority's Identity Service (draft §9.2.1, §15.1): the only place where a device secret or a
 * case id exists in the clear. Everything else holds them sealed ({@link AtRestCipher}) and asks this service
 * for what it needs — a case comparison, an HMAC signer, a key derived from the device secret — without ever
 * seeing the secret.
 */
public final class IdentityService {
    private static final int MAX_UPLOAD = 64 * 1024;

    private final AtRestCipher cipher;
    private final KeyPair identityKey;
    private final SecureRandom random;

    public IdentityService(AtRestCipher cipher, KeyPair identityKey, SecureRandom random) {
        this.cipher = cipher;
        this.identityKey = identityKey;
        this.random = random;
    }

    /** A manufacturer's upload, decrypted and decoded, with its secret and case id sealed for storage. */
    public record Upload(DeviceRecord record, byte[] sealedCase, byte[] sealedSecret) {
    }

    /**
     * Decrypts and decodes a manufacturer's ECIES upload (PROFILE §9).
     *
     * @throws AuthorityException MALFORMED if it does not decrypt to exactly one valid device record,
     *                            TOO_LARGE if it is over 64 KiB
     */
    public Upload open(UUID pathId, byte[] upload) throws AuthorityException {
        if (upload.length > MAX_UPLOAD) {
            throw new AuthorityException(ErrorKind.TOO_LARGE, "device record too large");
        }
        byte[] json = Ecies.decrypt(identityKey.getPrivate(), upload);
        DeviceRecord record;
        try {
            record = DeviceRecordJson.decode(json);
        } catch (JsonDecodeException e) {
            throw new AuthorityException(ErrorKind.MALFORMED, "malformed device record");
        } finally {
            Arrays.fill(json, (byte) 0);
        }
        if (!record.id().equals(pathId)) {
            throw new AuthorityException(ErrorKind.MALFORMED, "device id differs from the path");
        }
        byte[] caseBytes = record.caseString().getBytes(StandardCharsets.UTF_8);
        byte[] sealedCase = cipher.seal(caseBytes, casePlace(record.id()));
        Arrays.fill(caseBytes, (byte) 0);
        byte[] sealedSecret = null;
        if (record.sharedSecret().isPresent()) {
            if (record.sharedSecret().get().length() < SecretDerivation.MIN_SECRET_LENGTH) {
                // A shorter secret cannot be a PBKDF2 reference for the anchor and the derived keys (PROFILE §4).
                throw new AuthorityException(ErrorKind.MALFORMED, "device secret shorter than 16 bytes");
            }
            byte[] secret = record.sharedSecret().get().toByteArray();
            sealedSecret = cipher.seal(secret, secretPlace(record.id()));
            Arrays.fill(secret, (byte) 0);
        }
        return new Upload(record, sealedCase, sealedSecret);
    }

    /** Whether {@code candidate} is the device's case string, compared in constant time. */
    public boolean caseMatches(UUID device, byte[] sealedCase, String candidate) {
        byte[] stored = cipher.open(sealedCase, casePlace(device));
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.isEqual(stored, given);
        } finally {
            Arrays.fill(stored, (byte) 0);
        }
    }

    /** The HMAC signer of the device's Trusted Authority anchor ({@link SharedSecretAnchors}). */
    public SigningKey anchorSigner(UUID device, byte[] sealedSecret) throws CryptoException {
        SecretBytes deviceSecret = deviceSecret(device, sealedSecret);
        return SigningKey.ofSecret(SharedSecretAnchors.keyId(device), SharedSecretAnchors.secret(device, deviceSecret));
    }

    /**
     * A new derived secret {@code keyId} with one derivation from the device secret and one from each of
     * {@code others} (for example the management system's public key).
     */
    public DerivedSecretKey deriveFromDevice(UUID device, byte[] sealedSecret, UUID keyId,
            List<DerivationReference> others) throws CryptoException {
        SecretBytes deviceSecret = deviceSecret(device, sealedSecret);
        SecretBytes secret = org.assure.core.crypto.KeyGeneration.randomSecret(32, random);
        List<DerivationReference> references = new java.util.ArrayList<>();
        references.add(new DerivationReference.Secret(device, deviceSecret, SecretDerivation.DEFAULT_ITERATIONS));
        references.addAll(others);
        return DerivedSecrets.create(keyId, secret, references, random);
    }

    /**
     * The secret of a key derived from the device secret (the bootstrap PSK of a shared-secret device).
     *
     * @throws AuthorityException FORBIDDEN if the key has no derivation from the device secret
     */
    public SecretBytes resolveFromDevice(UUID device, byte[] sealedSecret, DerivedSecretKey key)
            throws AuthorityException {
        try {
            TrustedKey anchor = TrustedKey.secretAnchor(device, org.assure.core.model.IdentityClass.DEVICE,
                    deviceSecret(device, sealedSecret));
            TrustedKeys keys = TrustedKeys.of(List.of(anchor));
            return DerivedSecrets.resolve(key, keys)
                    .orElseThrow(() -> new AuthorityException(ErrorKind.FORBIDDEN, "not derived from the device"));
        } catch (CryptoException e) {
            throw new AuthorityException(ErrorKind.FORBIDDEN, "not derived from the device");
        }
    }

    private SecretBytes deviceSecret(UUID device, byte[] sealedSecret) {
        if (sealedSecret == null) {
            throw new IllegalArgumentException("device has no shared secret");
        }
        return SecretBytes.wrap(cipher.open(sealedSecret, secretPlace(device)));
    }

    private static String casePlace(UUID device) {
        return "devices.case/" + device;
    }

    private static String secretPlace(UUID device) {
        return "devices.secret/" + device;
    }
}
