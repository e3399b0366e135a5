package org.assure.keystore.internal;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.UUID;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.Validity;

/** Keys generated at test time: a device, its Trusted Authority and helpers to sign authenticated keys. */
final class TestKeys {
    static final SecureRandom RANDOM = new SecureRandom();

    final UUID deviceId = UUID.randomUUID();
    final Pair device = Pair.generate();
    final Pair trustedAuthority = Pair.generate();
    final long bootstrapServerId = 4711;

    /** An EC P-256 key pair with a random id. */
    record Pair(UUID id, KeyPair keys) {
        static Pair generate() {
            return new Pair(UUID.randomUUID(), KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM));
        }

        EcKey publicDefinition() {
            return EcKey.publicKey(id, Keys.encodePublic(keys.getPublic()));
        }

        EcKey privateDefinition() {
            return new EcKey(id, Keys.encodePublic(keys.getPublic()), Keys.encodePrivate(keys.getPrivate()));
        }

        SigningKey signer() {
            return SigningKey.of(id, keys.getPrivate());
        }

        /** This key as class {@code cls}, signed by {@code by}. */
        AuthenticatedKey signedBy(Pair by, IdentityClass cls, Validity validity) {
            return by.signer().authenticate(cls, publicDefinition(), KeyMetadata.NONE, validity);
        }
    }

    Anchors anchors() {
        try {
            return new Anchors(deviceId, TrustedKey.anchor(device.privateDefinition(), IdentityClass.DEVICE),
                    TrustedKey.anchor(trustedAuthority.publicDefinition(), IdentityClass.TRUSTED_AUTHORITY),
                    bootstrapServerId);
        } catch (CryptoException e) {
            throw new AssertionError(e);
        }
    }

    /** A Management System key authenticated by the Trusted Authority. */
    AuthenticatedKey managementSystem(Pair key) {
        return key.signedBy(trustedAuthority, IdentityClass.MANAGEMENT_SYSTEM, Validity.UNBOUNDED);
    }

    static SecretBytes secret(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return SecretBytes.wrap(bytes);
    }
}
