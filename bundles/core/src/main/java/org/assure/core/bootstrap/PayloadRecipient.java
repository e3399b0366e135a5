package org.assure.core.bootstrap;

import java.security.PublicKey;
import java.util.Objects;
import java.util.UUID;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.Derivation;
import org.assure.core.model.SecretBytes;

/**
 * The key a bootstrap payload is encrypted for (draft §15.5.1–15.5.3): the device's EC or RSA public key (CMS
 * envelope), or a shared secret the device can derive (cipher suite payload).
 */
public sealed interface PayloadRecipient permits PayloadRecipient.PublicKeyRecipient, PayloadRecipient.SecretRecipient {
    /** Becomes the image's {@code decryption_key_id}. */
    UUID keyId();

    /** An EC or RSA device key. */
    record PublicKeyRecipient(UUID keyId, PublicKey publicKey, CmsOptions options) implements PayloadRecipient {
        public PublicKeyRecipient {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(options, "options");
        }
    }

    /** A shared or derived secret; {@code toString} hides it. */
    record SecretRecipient(UUID keyId, SecretBytes secret, CipherSuite cipherSuite, long iterations)
            implements PayloadRecipient {
        public SecretRecipient {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(cipherSuite, "cipherSuite");
            if (iterations < 1 || iterations > Derivation.MAX_ITERATIONS) {
                throw new IllegalArgumentException("iterations out of range: " + iterations);
            }
        }
    }
}
