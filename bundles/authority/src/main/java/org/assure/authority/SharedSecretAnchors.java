package org.assure.authority;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.Bytes;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.Uuids;
import org.assure.core.trust.TrustedKey;

/**
 * The Trusted Authority anchor of a shared-secret-only device (PROFILE-ADDITIONS 9 and the item that fixes its
 * form): a derived secret with one derivation from the device secret whose {@code encrypted_secret} is all
 * zeros, so that its secret is {@code PBKDF2-HMAC-SHA256(device secret, salt, 4096, 32)}. The manufacturer
 * installs the definition at manufacture without knowing any Trusted Authority secret, and the Identity Service,
 * which holds the device secret, computes the same secret to sign owner information and keys with HMAC. Nobody
 * without the device secret can.
 */
public final class SharedSecretAnchors {
    /** Secret length of the anchor. */
    public static final int SECRET_LENGTH = 32;
    private static final byte[] LABEL = "aSSURE TA anchor".getBytes(StandardCharsets.US_ASCII);

    private SharedSecretAnchors() {
    }

    /** The anchor's key id: a name-based UUID of the device UUID, the same at the factory and at the TA. */
    public static UUID keyId(UUID device) {
        return UUID.nameUUIDFromBytes(salt(device).toByteArray());
    }

    /** The anchor definition the manufacturer installs in the device. */
    public static DerivedSecretKey definition(UUID device) {
        return new DerivedSecretKey(keyId(device), List.of(new Derivation(device, salt(device),
                SecretDerivation.DEFAULT_ITERATIONS, Bytes.of(new byte[SECRET_LENGTH]))));
    }

    /**
     * The anchor's secret, from the device secret.
     *
     * @throws CryptoException if the device secret is not a usable reference secret
     */
    public static SecretBytes secret(UUID device, SecretBytes deviceSecret) throws CryptoException {
        return SecretDerivation.derive(deviceSecret, salt(device), SecretDerivation.DEFAULT_ITERATIONS,
                Bytes.of(new byte[SECRET_LENGTH]));
    }

    /** The anchor as the device holds it. */
    public static TrustedKey anchor(UUID device, SecretBytes deviceSecret) throws CryptoException {
        return TrustedKey.derivedAnchor(definition(device), IdentityClass.TRUSTED_AUTHORITY, secret(device, deviceSecret));
    }

    private static Bytes salt(UUID device) {
        byte[] id = Uuids.toBytes(device);
        byte[] salt = new byte[LABEL.length + id.length];
        System.arraycopy(LABEL, 0, salt, 0, LABEL.length);
        System.arraycopy(id, 0, salt, LABEL.length, id.length);
        return Bytes.of(salt);
    }
}
