package org.assure.core.bootstrap;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.assure.core.cbor.BootstrapPayloadCodec;
import org.assure.core.cbor.SharedSecretPayloadCodec;
import org.assure.core.cbor.SigningInputs;
import org.assure.core.crypto.CmsEnvelopes;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.PayloadCipher;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SharedSecretPayload;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.Validity;

/**
 * Builds a bootstrap image on the management side (draft §15.5): the authenticated keys in the order given, the
 * owner information from the Trusted Authority, the payload encrypted for the device, and the Management System's
 * signature over the whole image (covering the encrypted payload).
 */
public final class BootstrapImageBuilder {
    /** Salt length of the shared-secret payload's key derivation. */
    public static final int SALT_LENGTH = 16;

    private BootstrapImageBuilder() {
    }

    /**
     * @throws CryptoException if the payload cannot be encrypted for {@code recipient}
     */
    public static BootstrapImage build(List<AuthenticatedKey> keys, OwnerInformation owner, PayloadRecipient recipient,
            BootstrapPayload payload, SigningKey managementKey, Validity validity, SecureRandom random)
            throws CryptoException {
        byte[] plaintext = BootstrapPayloadCodec.encode(payload);
        Bytes encrypted;
        try {
            encrypted = encrypt(recipient, plaintext, random);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        return managementKey.signStructure(validity,
                signature -> new BootstrapImage(keys, owner, recipient.keyId(), encrypted, signature),
                SigningInputs::bootstrapImage);
    }

    /** The image as bytes; see {@link #build}. */
    public static byte[] buildEncoded(List<AuthenticatedKey> keys, OwnerInformation owner, PayloadRecipient recipient,
            BootstrapPayload payload, SigningKey managementKey, Validity validity, SecureRandom random)
            throws CryptoException {
        return org.assure.core.cbor.BootstrapImageCodec.encode(
                build(keys, owner, recipient, payload, managementKey, validity, random));
    }

    private static Bytes encrypt(PayloadRecipient recipient, byte[] plaintext, SecureRandom random)
            throws CryptoException {
        if (recipient instanceof PayloadRecipient.PublicKeyRecipient pk) {
            return CmsEnvelopes.seal(pk.publicKey(), pk.keyId(), plaintext, pk.options(), random);
        }
        PayloadRecipient.SecretRecipient shared = (PayloadRecipient.SecretRecipient) recipient;
        SecretBytes contentKey = KeyGeneration.randomSecret(shared.cipherSuite().keyLength(), random);
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        Bytes saltBytes = Bytes.of(salt);
        Bytes concealed = SecretDerivation.conceal(shared.secret(), saltBytes, shared.iterations(), contentKey);
        PayloadCipher.Sealed sealed = PayloadCipher.encrypt(shared.cipherSuite(), contentKey, plaintext, random);
        SharedSecretPayload body = new SharedSecretPayload(saltBytes, shared.iterations(), concealed,
                shared.cipherSuite(), sealed.iv(), sealed.tag(), sealed.ciphertext());
        return Bytes.of(SharedSecretPayloadCodec.encode(body));
    }
}
