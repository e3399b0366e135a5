package org.assure.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.assure.core.bootstrap.BootstrapException.Reason;
import org.assure.core.cbor.BootstrapImageCodec;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.Bytes;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.trust.TestIdentities;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.ValidationException;
import org.assure.core.trust.Validity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BootstrapImageOpenerTest {
    @ParameterizedTest(name = "{0} device")
    @EnumSource(value = GenerateKeyType.class)
    void given_an_image_for_a_public_key_device_when_opened_then_keys_owner_and_payload_come_out(GenerateKeyType type)
            throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(type);

        OpenedImage opened = BootstrapImageOpener.open(s.image(3), s.device(2));

        assertThat(opened.keys()).extracting(TrustedKey::keyId).containsExactly(s.mgmt.id(), s.bootstrapServer.id());
        assertThat(opened.ownerSequence()).isEqualTo(3);
        assertThat(opened.payload()).isEqualTo(s.payload);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CipherSuite.class)
    void given_an_image_for_a_shared_secret_device_when_opened_with_each_cipher_suite_then_the_payload_comes_out(
            CipherSuite suite) throws Exception {
        BootstrapScenario s = BootstrapScenario.sharedSecretDevice(suite);

        OpenedImage opened = BootstrapImageOpener.open(s.image(0), s.device(0));

        assertThat(opened.payload()).isEqualTo(s.payload);
        assertThat(opened.keys()).hasSize(1);
        assertThat(opened.keys().get(0).secret()).isPresent();
    }

    @Test
    void given_the_same_owner_sequence_as_stored_when_opened_then_accepted() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);

        assertThat(BootstrapImageOpener.open(s.image(5), s.device(5)).ownerSequence()).isEqualTo(5);
    }

    @Test
    void given_an_older_owner_sequence_when_opened_then_rejected_as_replay() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);

        assertReason(() -> BootstrapImageOpener.open(s.image(1), s.device(2)), Reason.OWNER_SEQUENCE_REPLAYED);
    }

    @Test
    void given_an_image_built_for_another_device_when_opened_then_the_owner_binding_fails() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        byte[] image = s.image(0);
        DeviceState other = DeviceState.of(UUID.randomUUID(), s.device(0).trusted(), 0);

        assertReason(() -> BootstrapImageOpener.open(image, other), Reason.OWNER_SIGNATURE);
    }

    @Test
    void given_a_tampered_encrypted_payload_when_opened_then_the_image_signature_fails_before_decryption() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        BootstrapImage image = BootstrapImageCodec.decode(s.image(0));
        byte[] payload = image.encryptedPayload().toByteArray();
        payload[payload.length / 2] ^= 0x01;
        BootstrapImage tampered = new BootstrapImage(image.keys(), image.owner(), image.decryptionKeyId(), Bytes.of(payload),
                image.signature());

        assertReason(() -> BootstrapImageOpener.open(BootstrapImageCodec.encode(tampered), s.device(0)), Reason.IMAGE_SIGNATURE);
    }

    @Test
    void given_an_image_signed_by_a_bootstrap_service_key_when_opened_then_the_signer_class_is_refused() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        s.imageSigner = s.bootstrapServer.signer();

        assertThatThrownBy(() -> BootstrapImageOpener.open(s.image(0), s.device(0)))
                .isInstanceOfSatisfying(BootstrapException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.IMAGE_SIGNATURE);
                    assertThat(((ValidationException) e.getCause()).reason()).isEqualTo(ValidationException.Reason.CLASS_NOT_PERMITTED);
                });
    }

    @Test
    void given_owner_information_signed_by_the_management_system_when_opened_then_rejected() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        s.anchors.add(s.mgmt.anchor());
        s.ownerSigner = s.mgmt.signer();

        assertReason(() -> BootstrapImageOpener.open(s.image(0), s.device(0)), Reason.OWNER_SIGNATURE);
    }

    @Test
    void given_keys_in_the_wrong_order_when_opened_then_the_first_key_relying_on_a_later_one_is_named() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        AuthenticatedKey channel = TestIdentities.ec(IdentityClass.CHANNEL).authenticatedBy(s.mgmt, Validity.UNBOUNDED);
        s.imageKeys.add(0, channel);

        assertThatThrownBy(() -> BootstrapImageOpener.open(s.image(0), s.device(0)))
                .isInstanceOfSatisfying(BootstrapException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.KEY_REJECTED);
                    assertThat(e.keyIndex()).contains(0);
                });
    }

    @Test
    void given_keys_in_the_right_order_when_a_key_relies_on_an_earlier_one_then_accepted() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        s.imageKeys.add(TestIdentities.ec(IdentityClass.CHANNEL).authenticatedBy(s.mgmt, Validity.UNBOUNDED));

        assertThat(BootstrapImageOpener.open(s.image(0), s.device(0)).keys()).hasSize(3);
    }

    @Test
    void given_a_provisional_server_key_in_the_image_as_bootstrap_service_when_opened_then_confirmed() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);

        assertThat(BootstrapImageOpener.open(s.image(0), s.deviceWithProvisionalServerKey(s.bootstrapServer.pair().getPublic())))
                .isNotNull();
    }

    @Test
    void given_a_provisional_server_key_not_in_the_image_when_opened_then_the_image_is_discarded() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        var impostor = TestIdentities.ec(IdentityClass.BOOTSTRAP_SERVICE).pair().getPublic();

        assertReason(() -> BootstrapImageOpener.open(s.image(0), s.deviceWithProvisionalServerKey(impostor)),
                Reason.BOOTSTRAP_SERVER_NOT_CONFIRMED);
    }

    @Test
    void given_the_management_key_as_provisional_server_key_when_opened_then_not_confirmed_because_of_its_class()
            throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);

        assertReason(() -> BootstrapImageOpener.open(s.image(0), s.deviceWithProvisionalServerKey(s.mgmt.pair().getPublic())),
                Reason.BOOTSTRAP_SERVER_NOT_CONFIRMED);
    }

    @Test
    void given_an_image_encrypted_for_a_key_the_device_lacks_when_opened_then_no_decryption_key() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        var stranger = TestIdentities.ec(IdentityClass.DEVICE);
        s.recipient = new PayloadRecipient.PublicKeyRecipient(stranger.id(), stranger.pair().getPublic(),
                org.assure.core.crypto.CmsOptions.DEFAULT);

        assertReason(() -> BootstrapImageOpener.open(s.image(0), s.device(0)), Reason.NO_DECRYPTION_KEY);
    }

    @Test
    void given_garbage_and_every_truncation_when_opened_then_malformed_image() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        byte[] image = s.image(0);
        for (int n = 0; n < image.length; n += 7) {
            byte[] cut = java.util.Arrays.copyOf(image, n);
            assertReason(() -> BootstrapImageOpener.open(cut, s.device(0)), Reason.MALFORMED_IMAGE);
        }
        assertReason(() -> BootstrapImageOpener.open(new byte[] {(byte) 0xff, 0, 1}, s.device(0)), Reason.MALFORMED_IMAGE);
    }

    @Test
    void given_a_rejected_image_then_the_device_state_is_unchanged() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        DeviceState device = s.device(9);

        assertReason(() -> BootstrapImageOpener.open(s.image(1), device), Reason.OWNER_SEQUENCE_REPLAYED);
        assertThat(device.storedOwnerSequence()).isEqualTo(9);
        assertThat(device.trusted().find(s.mgmt.id())).isEmpty();
    }

    @Test
    void given_a_built_image_when_decoded_and_re_encoded_then_the_bytes_are_identical()
            throws Exception {
        BootstrapScenario s = BootstrapScenario.sharedSecretDevice(CipherSuite.AES_128_CCM);
        byte[] encoded = s.image(0);

        assertThat(BootstrapImageCodec.encode(BootstrapImageCodec.decode(encoded))).isEqualTo(encoded);
    }

    @Test
    void given_a_header_key_carrying_a_private_part_when_opened_then_malformed() throws Exception {
        BootstrapScenario s = BootstrapScenario.publicKeyDevice(GenerateKeyType.EC_P256);
        BootstrapImage image = BootstrapImageCodec.decode(s.image(0));
        var leaked = TestIdentities.ec(IdentityClass.CHANNEL);
        AuthenticatedKey withPrivate = s.mgmt.signer().authenticate(IdentityClass.CHANNEL, leaked.definition(),
                org.assure.core.model.KeyMetadata.NONE, Validity.UNBOUNDED);
        byte[] encoded = org.assure.core.cbor.CborWriter.encode(w -> {
            w.startArray(5).startArray(image.keys().size() + 1);
            image.keys().forEach(k -> org.assure.core.cbor.AuthenticatedKeyCodec.write(w, k));
            org.assure.core.cbor.AuthenticatedKeyCodec.write(w, withPrivate);
            w.endArray();
            org.assure.core.cbor.OwnerInformationCodec.write(w, image.owner());
            w.uuid(image.decryptionKeyId()).bytes(image.encryptedPayload());
            org.assure.core.cbor.SignatureCodec.write(w, image.signature());
            w.endArray();
        });

        assertThatThrownBy(() -> BootstrapImageOpener.open(encoded, s.device(0)))
                .isInstanceOfSatisfying(BootstrapException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_IMAGE);
                    assertThat(e.getMessage()).contains("private key");
                });
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BootstrapException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
