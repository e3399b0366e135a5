package org.assure.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assure.core.trust.TestIdentities.ec;
import static org.assure.core.trust.TestIdentities.identity;
import static org.assure.core.trust.TestIdentities.trusted;

import java.util.List;
import java.util.UUID;
import org.assure.core.crypto.SecretDerivation;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.EcSignature;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.HmacSignature;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SignatureFormat;
import org.assure.core.model.SimpleTimestamp;
import org.assure.core.trust.TestIdentities.Identity;
import org.assure.core.trust.ValidationException.Reason;
import org.junit.jupiter.api.Test;

class AuthenticatedKeyValidatorTest {
    private static final AuthenticatedKeyValidator NO_TIME = AuthenticatedKeyValidator.withoutTrustedTime();
    private static final Validity DAY_100_TO_200 = new Validity(new SimpleTimestamp(100 * 86400L),
            new SimpleTimestamp(200 * 86400L));

    private final Identity ta = ec(IdentityClass.TRUSTED_AUTHORITY);
    private final Identity mgmt = ec(IdentityClass.MANAGEMENT_SYSTEM);
    private final Identity device = ec(IdentityClass.DEVICE);

    @Test
    void given_a_management_key_signed_by_the_trusted_authority_when_validated_then_trusted() throws Exception {
        AuthenticatedKey candidate = mgmt.authenticatedBy(ta, Validity.UNBOUNDED);

        TrustedKey key = NO_TIME.validate(candidate, trusted(ta.anchor()));

        assertThat(key.keyId()).isEqualTo(mgmt.id());
        assertThat(key.identityClass()).isEqualTo(IdentityClass.MANAGEMENT_SYSTEM);
        assertThat(key.isAnchor()).isFalse();
        assertThat(key.publicKey()).contains(mgmt.pair().getPublic());
    }

    @Test
    void given_a_chain_ta_mgmt_channel_when_the_channel_key_is_validated_then_trusted() throws Exception {
        TrustedKey mgmtKey = NO_TIME.validate(mgmt.authenticatedBy(ta, Validity.UNBOUNDED), trusted(ta.anchor()));
        Identity channel = ec(IdentityClass.CHANNEL);

        TrustedKey key = NO_TIME.validate(channel.authenticatedBy(mgmt, Validity.UNBOUNDED), trusted(ta.anchor(), mgmtKey));

        assertThat(key.identityClass()).isEqualTo(IdentityClass.CHANNEL);
    }

    @Test
    void given_an_unknown_signer_when_validated_then_check_1_fails() {
        assertThatThrownBy(() -> NO_TIME.validate(mgmt.authenticatedBy(ta, Validity.UNBOUNDED), trusted()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNER_UNKNOWN));
    }

    @Test
    void given_trusted_time_outside_the_signature_validity_when_validated_then_check_2_fails() throws Exception {
        AuthenticatedKey candidate = mgmt.authenticatedBy(ta, DAY_100_TO_200);
        TrustedKeys keys = trusted(ta.anchor());

        assertThat(AuthenticatedKeyValidator.atTrustedTime(new SimpleTimestamp(150 * 86400L)).validate(candidate, keys))
                .isNotNull();
        for (long day : new long[] {99, 201}) {
            AuthenticatedKeyValidator validator = AuthenticatedKeyValidator.atTrustedTime(new SimpleTimestamp(day * 86400L));
            assertThatThrownBy(() -> validator.validate(candidate, keys)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_NOT_CURRENT));
        }
    }

    @Test
    void given_no_trusted_time_when_the_signature_is_expired_then_the_time_checks_are_skipped() throws Exception {
        AuthenticatedKey candidate = mgmt.authenticatedBy(ta, DAY_100_TO_200);

        assertThat(NO_TIME.validate(candidate, trusted(ta.anchor())).keyId()).isEqualTo(mgmt.id());
    }

    @Test
    void given_an_expired_key_in_the_chain_when_validated_then_check_3_fails() throws Exception {
        TrustedKey mgmtKey = NO_TIME.validate(mgmt.authenticatedBy(ta, DAY_100_TO_200), trusted(ta.anchor()));
        AuthenticatedKey channel = ec(IdentityClass.CHANNEL).authenticatedBy(mgmt, Validity.UNBOUNDED);
        AuthenticatedKeyValidator late = AuthenticatedKeyValidator.atTrustedTime(new SimpleTimestamp(300 * 86400L));

        assertThatThrownBy(() -> late.validate(channel, trusted(ta.anchor(), mgmtKey)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHAIN_NOT_CURRENT));
    }

    @Test
    void given_a_signer_whose_class_may_not_sign_the_subject_when_validated_then_check_4_fails() throws Exception {
        // A device may only authenticate channel keys.
        AuthenticatedKey candidate = mgmt.authenticatedBy(device, Validity.UNBOUNDED);

        assertThatThrownBy(() -> NO_TIME.validate(candidate, trusted(device.anchor())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CLASS_NOT_PERMITTED));
    }

    @Test
    void given_a_tampered_key_when_validated_then_check_5_fails() throws Exception {
        AuthenticatedKey genuine = mgmt.authenticatedBy(ta, Validity.UNBOUNDED);
        AuthenticatedKey tampered = new AuthenticatedKey(genuine.identityClass(), genuine.key(), KeyMetadata.ownedBy(UUID.randomUUID()),
                genuine.signature());

        assertThatThrownBy(() -> NO_TIME.validate(tampered, trusted(ta.anchor())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
    }

    @Test
    void given_a_key_claiming_an_other_class_than_signed_when_validated_then_check_5_fails() throws Exception {
        AuthenticatedKey genuine = mgmt.authenticatedBy(ta, Validity.UNBOUNDED);
        AuthenticatedKey promoted = new AuthenticatedKey(IdentityClass.TRUSTED_AUTHORITY, genuine.key(), genuine.metadata(),
                genuine.signature());

        assertThatThrownBy(() -> NO_TIME.validate(promoted, trusted(ta.anchor())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
    }

    @Test
    void given_an_unsigned_key_when_validated_then_rejected() throws Exception {
        AuthenticatedKey signed = mgmt.authenticatedBy(ta, Validity.UNBOUNDED);

        assertThatThrownBy(() -> NO_TIME.validate(signed.unsigned(), trusted(ta.anchor())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSIGNED));
    }

    @Test
    void given_rsa_and_p384_and_p521_signers_when_validated_then_each_verifies() throws Exception {
        for (GenerateKeyType type : new GenerateKeyType[] {GenerateKeyType.RSA_2048, GenerateKeyType.EC_P384, GenerateKeyType.EC_P521}) {
            Identity signer = identity(IdentityClass.TRUSTED_AUTHORITY, type);
            assertThat(NO_TIME.validate(mgmt.authenticatedBy(signer, Validity.UNBOUNDED), trusted(signer.anchor())).keyId())
                    .as(type.label()).isEqualTo(mgmt.id());
        }
    }

    @Test
    void given_an_hmac_by_a_derived_secret_the_device_can_derive_when_validated_then_trusted() throws Exception {
        // A shared-secret device: its secret is the anchor; the TA issues a derived secret K from it, signed by the TA key.
        UUID deviceId = UUID.randomUUID();
        SecretBytes deviceSecret = TestIdentities.secret();
        TrustedKey deviceAnchor = TrustedKey.secretAnchor(deviceId, IdentityClass.DEVICE, deviceSecret);
        SecretBytes kSecret = TestIdentities.secret();
        DerivedSecretKey k = DerivedSecrets.create(UUID.randomUUID(), kSecret,
                List.of(new DerivationReference.Secret(deviceId, deviceSecret, SecretDerivation.DEFAULT_ITERATIONS)),
                TestIdentities.RANDOM);
        AuthenticatedKey kAuthenticated = ta.signer().authenticate(IdentityClass.MANAGEMENT_SYSTEM, k, KeyMetadata.NONE,
                Validity.UNBOUNDED);
        TrustedKey kTrusted = NO_TIME.validate(kAuthenticated, trusted(ta.anchor(), deviceAnchor));
        assertThat(kTrusted.secret()).contains(kSecret);

        // K (class 2) HMAC-signs a channel key.
        Identity channel = ec(IdentityClass.CHANNEL);
        AuthenticatedKey channelKey = SigningKey.ofSecret(k.keyId(), kSecret)
                .authenticate(IdentityClass.CHANNEL, channel.definition().publicOnly(), KeyMetadata.NONE, Validity.UNBOUNDED);

        assertThat(NO_TIME.validate(channelKey, trusted(ta.anchor(), deviceAnchor, kTrusted)).keyId()).isEqualTo(channel.id());
    }

    @Test
    void given_an_hmac_claiming_an_ec_signer_when_validated_then_format_mismatch() throws Exception {
        AuthenticatedKey genuine = mgmt.authenticatedBy(ta, Validity.UNBOUNDED);
        AuthenticatedKey forged = genuine.withSignature(new HmacSignature(SignatureFormat.HMAC_SHA256, SimpleTimestamp.NONE,
                SimpleTimestamp.NONE, ta.id(), Bytes.of(new byte[32])));

        assertThatThrownBy(() -> NO_TIME.validate(forged, trusted(ta.anchor())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORMAT_MISMATCH));
    }

    @Test
    void given_a_key_issued_with_its_private_part_when_validated_with_and_without_it_then_one_signature_serves_both()
            throws Exception {
        Identity channel = ec(IdentityClass.CHANNEL);
        AuthenticatedKey withPrivate = mgmt.signer().authenticate(IdentityClass.CHANNEL, channel.definition(),
                KeyMetadata.ownedBy(UUID.randomUUID()), Validity.UNBOUNDED);
        AuthenticatedKey publicOnly = new AuthenticatedKey(withPrivate.identityClass(), channel.definition().publicOnly(),
                withPrivate.metadata(), withPrivate.signature());
        TrustedKeys keys = trusted(mgmt.anchor());

        assertThat(NO_TIME.validate(withPrivate, keys).privateKey()).isPresent();
        assertThat(NO_TIME.validate(publicOnly, keys).privateKey()).isEmpty();
    }

    @Test
    void given_a_private_key_that_does_not_match_when_validated_then_key_material_invalid() throws Exception {
        Identity channel = ec(IdentityClass.CHANNEL);
        Identity other = ec(IdentityClass.CHANNEL);
        EcKey mismatched = new EcKey(channel.id(), channel.definition().publicKey(), other.definition().privateKey());
        AuthenticatedKey candidate = mgmt.signer().authenticate(IdentityClass.CHANNEL, mismatched, KeyMetadata.NONE,
                Validity.UNBOUNDED);

        assertThatThrownBy(() -> NO_TIME.validate(candidate, trusted(mgmt.anchor())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_MATERIAL_INVALID));
    }

    @Test
    void given_garbage_public_key_material_when_validated_then_key_material_invalid() throws Exception {
        EcKey garbage = EcKey.publicKey(UUID.randomUUID(), Bytes.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}));
        AuthenticatedKey candidate = mgmt.signer().authenticate(IdentityClass.CHANNEL, garbage, KeyMetadata.NONE,
                Validity.UNBOUNDED);

        assertThatThrownBy(() -> NO_TIME.validate(candidate, trusted(mgmt.anchor())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_MATERIAL_INVALID));
    }

    @Test
    void given_a_chain_that_loops_when_validated_then_chain_broken() throws Exception {
        // Two keys that vouch for each other, neither an anchor: a forged keystore state.
        Identity a = ec(IdentityClass.MANAGEMENT_SYSTEM);
        Identity b = ec(IdentityClass.MANAGEMENT_SYSTEM);
        TrustedKey aTrusted = TrustedKey.authenticated(a.authenticatedBy(b, Validity.UNBOUNDED), SecretBytes.EMPTY);
        TrustedKey bTrusted = TrustedKey.authenticated(b.authenticatedBy(a, Validity.UNBOUNDED), SecretBytes.EMPTY);
        AuthenticatedKey channel = ec(IdentityClass.CHANNEL).authenticatedBy(a, Validity.UNBOUNDED);

        assertThatThrownBy(() -> NO_TIME.validate(channel, trusted(aTrusted, bTrusted)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHAIN_BROKEN));
    }

    @Test
    void given_an_ec_signature_with_wrong_length_values_when_validated_then_signature_invalid() throws Exception {
        AuthenticatedKey genuine = mgmt.authenticatedBy(ta, Validity.UNBOUNDED);
        EcSignature sig = (EcSignature) genuine.signature();
        AuthenticatedKey shortened = genuine.withSignature(new EcSignature(sig.format(), sig.createdAt(), sig.validUntil(),
                sig.keyId(), Bytes.of(new byte[31]), sig.s()));

        assertThatThrownBy(() -> NO_TIME.validate(shortened, trusted(ta.anchor())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_INVALID));
    }
}
