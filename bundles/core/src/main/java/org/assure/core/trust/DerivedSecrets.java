package org.assure.core.trust;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.crypto.CmsEnvelopes;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.Bytes;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.SecretBytes;

/**
 * Derived secrets (draft §7.2, PROFILE §4): obtaining the secret of a {@link DerivedSecretKey} from a key the
 * device holds, and creating a derived secret with one derivation per reference key.
 */
public final class DerivedSecrets {
    /** Salt length written by {@link #create}. */
    public static final int SALT_LENGTH = 16;

    private DerivedSecrets() {
    }

    /**
     * Derives the secret of {@code key} through the first derivation whose reference key is trusted and
     * whose secret or private key this device holds.
     *
     * @return empty if no derivation starts from a key this device can use
     * @throws CryptoException if a usable derivation fails (tampered envelope, bad parameters)
     */
    public static Optional<SecretBytes> resolve(DerivedSecretKey key, TrustedKeys trusted) throws CryptoException {
        for (Derivation derivation : key.derivations()) {
            Optional<TrustedKey> reference = trusted.find(derivation.referenceKeyId());
            if (reference.isEmpty()) {
                continue;
            }
            TrustedKey ref = reference.get();
            if (ref.secret().isPresent()) {
                return Optional.of(SecretDerivation.derive(ref.secret().get(), derivation.salt(),
                        derivation.iterationsOrCipher(), derivation.encryptedSecret()));
            }
            if (ref.privateKey().isPresent()) {
                byte[] secret = CmsEnvelopes.open(ref.privateKey().get(), ref.keyId(), derivation.encryptedSecret());
                return Optional.of(SecretBytes.wrap(secret));
            }
        }
        return Optional.empty();
    }

    /**
     * A derived-secret key {@code keyId} whose every derivation yields {@code secret}, one per reference key.
     *
     * @throws CryptoException if an envelope cannot be made for a reference key
     */
    public static DerivedSecretKey create(UUID keyId, SecretBytes secret, List<DerivationReference> references,
            SecureRandom random) throws CryptoException {
        List<Derivation> derivations = new ArrayList<>(references.size());
        for (DerivationReference reference : references) {
            derivations.add(derivation(secret, reference, random));
        }
        return new DerivedSecretKey(keyId, derivations);
    }

    /** One derivation of {@code secret} from {@code reference}. */
    public static Derivation derivation(SecretBytes secret, DerivationReference reference, SecureRandom random)
            throws CryptoException {
        if (reference instanceof DerivationReference.Secret shared) {
            byte[] salt = new byte[SALT_LENGTH];
            random.nextBytes(salt);
            Bytes saltBytes = Bytes.of(salt);
            Bytes concealed = SecretDerivation.conceal(shared.secret(), saltBytes, shared.iterations(), secret);
            return new Derivation(shared.keyId(), saltBytes, shared.iterations(), concealed);
        }
        DerivationReference.Public asymmetric = (DerivationReference.Public) reference;
        byte[] plain = secret.toByteArray();
        try {
            Bytes envelope = CmsEnvelopes.seal(asymmetric.publicKey(), asymmetric.keyId(), plain, asymmetric.options(), random);
            return new Derivation(asymmetric.keyId(), Bytes.EMPTY, 0, envelope);
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }
}
