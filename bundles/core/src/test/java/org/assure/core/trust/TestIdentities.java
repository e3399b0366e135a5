package org.assure.core.trust;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;

/** Keys generated at test time, with helpers to make trust anchors and authenticated keys from them. */
public final class TestIdentities {
    public static final SecureRandom RANDOM = new SecureRandom();
    private static KeyPair rsa;

    private TestIdentities() {
    }

    /** A fresh key pair; RSA pairs are generated once per JVM because generation is slow. */
    public static synchronized KeyPair pair(GenerateKeyType type) {
        if (type == GenerateKeyType.RSA_2048) {
            if (rsa == null) {
                rsa = KeyGeneration.generate(type, RANDOM);
            }
            return rsa;
        }
        return KeyGeneration.generate(type, RANDOM);
    }

    /** A key definition with its private part. */
    public static AsymmetricKey definition(UUID id, KeyPair pair) {
        var publicKey = Keys.encodePublic(pair.getPublic());
        var privateKey = Keys.encodePrivate(pair.getPrivate());
        return "EC".equals(pair.getPublic().getAlgorithm()) ? new EcKey(id, publicKey, privateKey)
                : new RsaKey(id, publicKey, privateKey);
    }

    /** A key that has a pair, a definition and can sign. */
    public record Identity(UUID id, KeyPair pair, AsymmetricKey definition, IdentityClass identityClass) {
        public SigningKey signer() {
            return SigningKey.of(id, pair.getPrivate());
        }

        public TrustedKey anchor() throws CryptoException {
            return TrustedKey.anchor(definition, identityClass);
        }

        /** This identity's public key, authenticated by {@code signer}. */
        public AuthenticatedKey authenticatedBy(Identity signer, Validity validity) {
            return signer.signer().authenticate(identityClass, definition.publicOnly(), KeyMetadata.NONE, validity);
        }
    }

    public static Identity identity(IdentityClass identityClass, GenerateKeyType type) {
        UUID id = UUID.randomUUID();
        KeyPair pair = pair(type);
        return new Identity(id, pair, definition(id, pair), identityClass);
    }

    public static Identity ec(IdentityClass identityClass) {
        return identity(identityClass, GenerateKeyType.EC_P256);
    }

    public static SecretBytes secret() {
        return KeyGeneration.randomSecret(32, RANDOM);
    }

    public static TrustedKeys trusted(TrustedKey... keys) {
        return TrustedKeys.of(List.of(keys));
    }
}
