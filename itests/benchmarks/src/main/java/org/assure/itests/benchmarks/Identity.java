package org.assure.itests.benchmarks;

import java.security.KeyPair;
import java.security.SecureRandom;
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
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.Validity;

/**
 * An EC or RSA key generated at benchmark setup, with the roles it plays: signer, trust anchor, or subject of an
 * authenticated key. Benchmarks never use real keys.
 */
record Identity(UUID id, KeyPair pair, IdentityClass identityClass) {
    static final SecureRandom RANDOM = new SecureRandom();
    private static KeyPair rsa;

    static Identity generate(IdentityClass identityClass, GenerateKeyType type) {
        return new Identity(UUID.randomUUID(), keyPair(type), identityClass);
    }

    /**
     * A fresh key pair, except that a JVM generates one RSA pair and reuses it: RSA generation takes up to seconds.
     * JMH runs each benchmark in a fork of its own, so the pair is still generated in that benchmark's setup.
     */
    static synchronized KeyPair keyPair(GenerateKeyType type) {
        if (type != GenerateKeyType.RSA_2048) {
            return KeyGeneration.generate(type, RANDOM);
        }
        if (rsa == null) {
            rsa = KeyGeneration.generate(type, RANDOM);
        }
        return rsa;
    }

    static Identity ec(IdentityClass identityClass) {
        return generate(identityClass, GenerateKeyType.EC_P256);
    }

    /** The key definition with its private part, as installed on the key's owner. */
    AsymmetricKey definition() {
        var publicKey = Keys.encodePublic(pair.getPublic());
        var privateKey = Keys.encodePrivate(pair.getPrivate());
        return "EC".equals(pair.getPublic().getAlgorithm()) ? new EcKey(id, publicKey, privateKey)
                : new RsaKey(id, publicKey, privateKey);
    }

    SigningKey signer() {
        return SigningKey.of(id, pair.getPrivate());
    }

    /** A trust anchor as another party installs it: the public part only. */
    TrustedKey publicAnchor() throws CryptoException {
        return TrustedKey.anchor(definition().publicOnly(), identityClass);
    }

    /** A trust anchor as the owner installs it at manufacture: with the private part. */
    TrustedKey privateAnchor() throws CryptoException {
        return TrustedKey.anchor(definition(), identityClass);
    }

    /** This key's public part, authenticated by {@code signer} with no validity bounds. */
    AuthenticatedKey authenticatedBy(SigningKey signer) {
        return signer.authenticate(identityClass, definition().publicOnly(), KeyMetadata.NONE, Validity.UNBOUNDED);
    }
}
