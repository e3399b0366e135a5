package org.assure.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assure.core.testing.Samples.DEVICE;
import static org.assure.core.testing.Samples.KEY_A;
import static org.assure.core.testing.Samples.KEY_B;
import static org.assure.core.testing.Samples.KEY_C;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.assure.core.testing.Samples;
import org.junit.jupiter.api.Test;

/** The model's ranges and invariants that the codecs rely on (PROFILE-ADDITIONS §4–§8). */
class ModelValidationTest {
    @Test
    void given_timestamps_at_and_beyond_the_range_then_only_the_range_is_accepted() {
        assertThat(new SimpleTimestamp(SimpleTimestamp.MAX_SECONDS).seconds()).isEqualTo(0xFFFF_FFFFL);
        assertThatThrownBy(() -> new SimpleTimestamp(SimpleTimestamp.MAX_SECONDS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrecisionTimestamp(SimpleTimestamp.MAX_SECONDS + 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrecisionTimestamp(0, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_instants_then_timestamps_count_from_2010() {
        Instant newYear2024 = Instant.parse("2024-01-01T00:00:00Z");

        assertThat(SimpleTimestamp.of(newYear2024).seconds()).isEqualTo(441_763_200L);
        assertThat(SimpleTimestamp.of(newYear2024).toInstant()).isEqualTo(newYear2024);
        assertThat(PrecisionTimestamp.of(newYear2024.plusMillis(500))).isEqualTo(new PrecisionTimestamp(441_763_200L, 1L << 31));
        assertThat(new PrecisionTimestamp(441_763_200L, 1L << 31).toInstant()).isEqualTo(newYear2024.plusMillis(500));
        assertThatThrownBy(() -> SimpleTimestamp.of(Instant.parse("2009-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_an_owner_sequence_over_2_to_the_53_then_rejected() {
        assertThat(new OwnerInformation(OwnerInformation.MAX_SEQUENCE, Samples.ecSignature(KEY_A)).sequence())
                .isEqualTo((1L << 53) - 1);
        assertThatThrownBy(() -> new OwnerInformation(OwnerInformation.MAX_SEQUENCE + 1, Samples.ecSignature(KEY_A)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_counts_over_the_limits_then_rejected() {
        AuthenticatedKey key = Samples.authenticatedKey();
        Derivation derivation = new Derivation(KEY_B, Bytes.EMPTY, 1, Samples.bytes(1, 1));

        assertThatThrownBy(() -> new BootstrapImage(Collections.nCopies(65, key), Samples.ownerInformation(), DEVICE,
                Samples.bytes(1, 1), Samples.ecSignature(KEY_B))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BootstrapPayload(Collections.nCopies(1025, Samples.bytes(1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BootstrapPayload(List.of(Samples.bytes(65537, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DerivedSecretKey(KEY_A, Collections.nCopies(17, derivation)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfigurationData(DEVICE, 1, DeviceCapabilities.MINIMAL, Collections.nCopies(65, key),
                Samples.ownerInformation(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfigurationData(DEVICE, 1, DeviceCapabilities.MINIMAL, List.of(),
                Samples.ownerInformation(), Collections.nCopies(65, "{}"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_a_shared_secret_payload_without_data_then_rejected() {
        SharedSecretPayload p = Samples.sharedSecretPayload();

        assertThatThrownBy(() -> new SharedSecretPayload(p.salt(), p.iterations(), p.encryptedSecret(), p.cipherSuite(),
                p.iv(), p.tag(), Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_texts_with_unpaired_surrogates_then_rejected_because_no_utf8_encoder_could_write_them() {
        assertThatThrownBy(() -> new DeviceInfo(DEVICE, Bytes.EMPTY, "a\ud800", "", "", "", "", "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceStatus(1, "\udc00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceRecord(DEVICE, 1, "x\ud800", Optional.of(Samples.secret(16, 1)),
                Optional.empty(), Optional.empty(), DeviceCapabilities.MINIMAL)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DeviceStatus(1, "emoji \ud83d\ude00").description()).hasSize(8);
    }

    @Test
    void given_a_stored_key_with_a_private_part_when_listed_then_the_part_becomes_a_flag() {
        KeyListEntry entry = KeyListEntry.of(Samples.authenticatedKey());

        assertThat(entry.privateKeyPresent()).isTrue();
        assertThat(((AsymmetricKey) entry.key().key()).hasPrivateKey()).isFalse();
        assertThat(entry.key().signature()).isEqualTo(Samples.authenticatedKey().signature());
        assertThatThrownBy(() -> new KeyListEntry(Samples.authenticatedKey(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_a_derived_secret_when_listed_then_it_cannot_claim_a_private_part() {
        AuthenticatedKey derived = new AuthenticatedKey(IdentityClass.CHANNEL, Samples.derivedKey(KEY_C, KEY_A),
                KeyMetadata.NONE, Samples.hmacSignature(KEY_A));

        assertThat(KeyListEntry.of(derived)).isEqualTo(new KeyListEntry(derived, false));
        assertThatThrownBy(() -> new KeyListEntry(derived, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_key_chains_then_each_key_must_derive_from_an_earlier_one() {
        DerivedSecretKey first = Samples.derivedKey(KEY_B, DEVICE);
        DerivedSecretKey second = Samples.derivedKey(KEY_C, KEY_B);
        DerivedSecretKey unrelated = Samples.derivedKey(KEY_A, DEVICE);

        assertThat(new PskHint.KeyChainHint(List.of(first, second)).pskKeyId()).isEqualTo(KEY_C);
        assertThat(new PskHint.KeyChainHint(List.of(first)).pskKeyId()).isEqualTo(KEY_B);
        assertThatThrownBy(() -> new PskHint.KeyChainHint(List.of(second, first)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> new PskHint.KeyChainHint(List.of(first, unrelated)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> new PskHint.KeyChainHint(List.of(first, second, Samples.derivedKey(KEY_B, KEY_C))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeated");
        assertThatThrownBy(() -> new PskHint.KeyChainHint(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_each_hint_then_the_psk_key_is_the_named_or_last_key() {
        assertThat(new PskHint.KeyIdHint(KEY_A).pskKeyId()).isEqualTo(KEY_A);
        assertThat(new PskHint.KeyDefinitionHint(Samples.derivedKey(KEY_B, DEVICE)).pskKeyId()).isEqualTo(KEY_B);
    }
}
