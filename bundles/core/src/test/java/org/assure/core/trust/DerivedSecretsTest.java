package org.assure.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.CryptoException;
import org.assure.core.model.Bytes;
import org.assure.core.model.Derivation;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.TestIdentities.Identity;
import org.junit.jupiter.api.Test;

class DerivedSecretsTest {
    private final UUID sharedId = UUID.randomUUID();
    private final SecretBytes shared = TestIdentities.secret();
    private final Identity ec = TestIdentities.identity(IdentityClass.DEVICE, GenerateKeyType.EC_P256);
    private final Identity rsa = TestIdentities.identity(IdentityClass.MANAGEMENT_SYSTEM, GenerateKeyType.RSA_2048);

    private DerivedSecretKey threeWay(SecretBytes secret) throws CryptoException {
        return DerivedSecrets.create(UUID.randomUUID(), secret, List.of(
                new DerivationReference.Secret(sharedId, shared, 4096),
                new DerivationReference.Public(ec.id(), ec.pair().getPublic(), CmsOptions.DEFAULT),
                new DerivationReference.Public(rsa.id(), rsa.pair().getPublic(), CmsOptions.DEFAULT)),
                TestIdentities.RANDOM);
    }

    @Test
    void given_three_derivations_when_each_holder_resolves_then_all_get_the_same_secret() throws Exception {
        SecretBytes secret = TestIdentities.secret();
        DerivedSecretKey key = threeWay(secret);

        assertThat(DerivedSecrets.resolve(key, TestIdentities.trusted(TrustedKey.secretAnchor(sharedId, IdentityClass.DEVICE, shared))))
                .contains(secret);
        assertThat(DerivedSecrets.resolve(key, TestIdentities.trusted(ec.anchor()))).contains(secret);
        assertThat(DerivedSecrets.resolve(key, TestIdentities.trusted(rsa.anchor()))).contains(secret);
    }

    @Test
    void given_no_usable_reference_key_when_resolved_then_empty() throws Exception {
        DerivedSecretKey key = threeWay(TestIdentities.secret());
        Identity stranger = TestIdentities.identity(IdentityClass.DEVICE, GenerateKeyType.EC_P256);
        TrustedKey publicOnly = TrustedKey.anchor(ec.definition().publicOnly(), IdentityClass.DEVICE);

        assertThat(DerivedSecrets.resolve(key, TestIdentities.trusted(stranger.anchor()))).isEmpty();
        assertThat(DerivedSecrets.resolve(key, TestIdentities.trusted(publicOnly))).isEmpty();
    }

    @Test
    void given_a_tampered_envelope_when_resolved_then_crypto_failure() throws Exception {
        DerivedSecretKey key = threeWay(TestIdentities.secret());
        Derivation ecDerivation = key.derivationFrom(ec.id()).orElseThrow();
        byte[] envelope = ecDerivation.encryptedSecret().toByteArray();
        // The content is AES-CBC (PROFILE §4), last in the DER. Flipping a bit in the last ciphertext block garbles
        // the whole last plaintext block, whose padding then still checks out about once in 256 runs; flipping the
        // last byte of the block before it flips the last padding byte itself, which PKCS#7 always refuses.
        envelope[envelope.length - 17] ^= 1;
        DerivedSecretKey tampered = new DerivedSecretKey(key.keyId(), List.of(new Derivation(ec.id(), Bytes.EMPTY, 0,
                Bytes.of(envelope))));

        assertThatThrownBy(() -> DerivedSecrets.resolve(tampered, TestIdentities.trusted(ec.anchor())))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void given_a_new_owner_secret_when_the_old_owner_holds_only_its_own_key_then_it_cannot_derive_it() throws Exception {
        // Change of owner for a shared-secret device (draft §6.1): the new derived secret has derivations from the
        // device secret and the new owner's key only; the old owner's key and old derived secret do not help.
        Identity oldOwner = TestIdentities.identity(IdentityClass.MANAGEMENT_SYSTEM, GenerateKeyType.EC_P256);
        Identity newOwner = TestIdentities.identity(IdentityClass.MANAGEMENT_SYSTEM, GenerateKeyType.EC_P256);
        SecretBytes oldSecret = TestIdentities.secret();
        DerivedSecretKey oldKey = DerivedSecrets.create(UUID.randomUUID(), oldSecret, List.of(
                new DerivationReference.Secret(sharedId, shared, 4096),
                new DerivationReference.Public(oldOwner.id(), oldOwner.pair().getPublic(), CmsOptions.DEFAULT)), TestIdentities.RANDOM);
        DerivedSecretKey newKey = DerivedSecrets.create(UUID.randomUUID(), TestIdentities.secret(), List.of(
                new DerivationReference.Secret(sharedId, shared, 4096),
                new DerivationReference.Public(newOwner.id(), newOwner.pair().getPublic(), CmsOptions.DEFAULT)), TestIdentities.RANDOM);
        TrustedKey oldOwnerView = TrustedKey.authenticated(
                oldOwner.signer().authenticate(IdentityClass.CHANNEL, oldKey, org.assure.core.model.KeyMetadata.NONE, Validity.UNBOUNDED),
                oldSecret);

        assertThat(DerivedSecrets.resolve(newKey, TestIdentities.trusted(oldOwner.anchor(), oldOwnerView))).isEmpty();
        assertThat(DerivedSecrets.resolve(newKey, TestIdentities.trusted(newOwner.anchor()))).isPresent();
    }
}
