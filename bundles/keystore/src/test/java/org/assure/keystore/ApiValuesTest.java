package org.assure.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.KeyMetadata;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.ValidationException;
import org.assure.core.trust.Validity;
import org.junit.jupiter.api.Test;

class ApiValuesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final UUID A = UUID.fromString("0a0a0a0a-0a0a-0a0a-0a0a-0a0a0a0a0a0a");
    private static final UUID B = UUID.fromString("0b0b0b0b-0b0b-0b0b-0b0b-0b0b0b0b0b0b");
    private static final UUID DEVICE = UUID.fromString("0d0d0d0d-0d0d-0d0d-0d0d-0d0d0d0d0d0d");

    private static EcKey ecKey(UUID id, boolean withPrivate) {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        return withPrivate ? new EcKey(id, Keys.encodePublic(pair.getPublic()), Keys.encodePrivate(pair.getPrivate()))
                : EcKey.publicKey(id, Keys.encodePublic(pair.getPublic()));
    }

    private static KeyInfo anchor(UUID id, IdentityClass cls, EcKey key, boolean privatePart) {
        return new KeyInfo(id, cls, KeyFormat.EC, KeyOrigin.TRUST_ANCHOR, true, false, privatePart, false,
                Optional.of(key), Optional.empty());
    }

    @Test
    void given_channel_keys_then_equals_follows_the_contract() {
        EqualsVerifier.forClass(ChannelKeys.class).suppress(nl.jqno.equalsverifier.Warning.NULL_FIELDS).verify();
        assertThat(ChannelKeys.psk(A, DEVICE)).isEqualTo(new ChannelKeys(A, Optional.empty(), Optional.of(DEVICE)));
        assertThat(ChannelKeys.rawKey(A, B)).isEqualTo(new ChannelKeys(A, Optional.of(B), Optional.empty()));
    }

    @Test
    void given_key_infos_then_equal_exactly_when_every_field_is() {
        EcKey key = ecKey(A, false);
        EcKey other = ecKey(A, false);
        KeyInfo base = anchor(A, IdentityClass.DEVICE, key, true);

        assertValueSemantics(base, anchor(A, IdentityClass.DEVICE, key, true),
                anchor(A, IdentityClass.TRUSTED_AUTHORITY, key, true),
                anchor(A, IdentityClass.DEVICE, key, false),
                anchor(A, IdentityClass.DEVICE, other, true));
        AuthenticatedKey signed = SigningKey.of(B, KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM).getPrivate())
                .authenticate(IdentityClass.CHANNEL, key, KeyMetadata.ownedBy(DEVICE), Validity.UNBOUNDED);
        KeyInfo imported = new KeyInfo(A, IdentityClass.CHANNEL, KeyFormat.EC, KeyOrigin.IMPORTED, true, false, false,
                false, Optional.of(key), Optional.of(signed));
        assertValueSemantics(imported,
                new KeyInfo(A, IdentityClass.CHANNEL, KeyFormat.EC, KeyOrigin.IMPORTED, true, false, false, false,
                        Optional.of(key), Optional.of(signed)),
                new KeyInfo(A, IdentityClass.CHANNEL, KeyFormat.EC, KeyOrigin.GENERATED, true, false, false, false,
                        Optional.of(key), Optional.of(signed)),
                new KeyInfo(A, IdentityClass.CHANNEL, KeyFormat.EC, KeyOrigin.GENERATED, false, false, false, false,
                        Optional.of(key), Optional.of(signed)),
                new KeyInfo(A, IdentityClass.CHANNEL, KeyFormat.EC, KeyOrigin.IMPORTED, true, true, false, false,
                        Optional.of(key), Optional.of(signed)));
        assertThat(imported.owner()).contains(DEVICE);
        assertThat(imported.listEntry()).get().extracting(e -> e.privateKeyPresent()).isEqualTo(false);
        assertThat(base.listEntry()).isEmpty();
    }

    @Test
    void given_a_private_part_or_inconsistent_fields_when_building_key_info_then_refused() {
        EcKey withPrivate = ecKey(A, true);
        EcKey publicOnly = withPrivate.publicOnly();

        assertThatThrownBy(() -> anchor(A, IdentityClass.DEVICE, withPrivate, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anchor(B, IdentityClass.DEVICE, publicOnly, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyInfo(A, IdentityClass.DEVICE, KeyFormat.EC, KeyOrigin.TRUST_ANCHOR, true, false,
                true, true, Optional.of(publicOnly), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyInfo(A, IdentityClass.DEVICE, KeyFormat.EC, KeyOrigin.TRUST_ANCHOR, false,
                false, true, false, Optional.of(publicOnly), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyInfo(A, IdentityClass.DEVICE, KeyFormat.EC, KeyOrigin.IMPORTED, true,
                false, true, false, Optional.of(publicOnly), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_trust_anchors_then_equal_exactly_when_every_field_is_and_classes_are_checked() {
        KeyInfo device = anchor(A, IdentityClass.DEVICE, ecKey(A, false), true);
        KeyInfo ta = anchor(B, IdentityClass.TRUSTED_AUTHORITY, ecKey(B, false), false);
        TrustAnchors base = new TrustAnchors(DEVICE, device, ta, 1);

        assertValueSemantics(base, new TrustAnchors(DEVICE, device, ta, 1), new TrustAnchors(A, device, ta, 1),
                new TrustAnchors(DEVICE, device, ta, 2));
        assertThatThrownBy(() -> new TrustAnchors(DEVICE, ta, device, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustAnchors(DEVICE, anchor(A, IdentityClass.DEVICE, ecKey(A, false), false), ta, 1))
                .as("the device must hold its key").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustAnchors(DEVICE, device, ta, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_every_reason_then_the_kind_follows_the_style_table_and_the_message_is_fixed() {
        assertThat(new KeystoreException(KeystoreException.Reason.FULL).kind()).isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(new KeystoreException(KeystoreException.Reason.BOOTSTRAP_DEFINED).kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(new KeystoreException(KeystoreException.Reason.KEY_NOT_FOUND).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(new KeystoreException(KeystoreException.Reason.UNSUPPORTED_KEY_TYPE).kind())
                .isEqualTo(ErrorKind.NOT_IMPLEMENTED);
        for (KeystoreException.Reason reason : KeystoreException.Reason.values()) {
            KeystoreException e = new KeystoreException(reason);
            assertThat(e.getMessage()).isEqualTo(reason.text());
            assertThat(e.validationReason()).isEmpty();
        }
        KeystoreException invalid = new KeystoreException(
                new ValidationException(ValidationException.Reason.KEY_MATERIAL_INVALID));
        assertThat(invalid.kind()).isEqualTo(ErrorKind.MALFORMED);
        assertThat(invalid.validationReason()).contains(ValidationException.Reason.KEY_MATERIAL_INVALID);
    }

    private static void assertValueSemantics(Object base, Object same, Object... different) {
        assertThat(base).isEqualTo(base).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(null)
                .isNotEqualTo(new Object());
        for (Object other : different) {
            assertThat(base).isNotEqualTo(other);
            assertThat(other).isNotEqualTo(base);
        }
    }
}
