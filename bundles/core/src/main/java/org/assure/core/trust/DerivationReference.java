package org.assure.core.trust;

import java.security.PublicKey;
import java.util.Objects;
import java.util.UUID;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.model.SecretBytes;

/**
 * A key a new derived secret can be derived from (PROFILE §4): a shared secret (PBKDF2 XOR) or an EC/RSA public
 * key (CMS envelope).
 */
public sealed interface DerivationReference permits DerivationReference.Secret, DerivationReference.Public {
    UUID keyId();

    /** A shared or derived secret the creator knows. {@code toString} hides it. */
    record Secret(UUID keyId, SecretBytes secret, long iterations) implements DerivationReference {
        public Secret {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(secret, "secret");
            if (secret.length() < 16) {
                throw new IllegalArgumentException("shared secrets are at least 16 bytes");
            }
        }
    }

    /** An EC or RSA public key; the secret goes into a CMS envelope for it. */
    record Public(UUID keyId, PublicKey publicKey, CmsOptions options) implements DerivationReference {
        public Public {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(options, "options");
        }
    }
}
