package org.assure.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assure.core.testing.Samples.DEVICE;
import static org.assure.core.testing.Samples.KEY_A;
import static org.assure.core.testing.Samples.KEY_B;
import static org.assure.core.testing.Samples.KEY_C;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import nl.jqno.equalsverifier.api.SingleTypeEqualsVerifierApi;
import org.assure.core.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * equals/hashCode of every model value type. Records validate in their compact constructors, so EqualsVerifier
 * gets valid prefabricated values for the types it cannot invent (interfaces, validated byte strings), and null
 * fields are not tried (constructors reject them). Records whose invariants tie several fields together (a QR
 * version that must be 1, lengths that depend on the cipher suite, exactly one of secret and public key) cannot
 * be varied one field at a time by EqualsVerifier and are checked by hand below, field by field; so is
 * {@link IpAddress}, whose all-zero instance (remote port 0) is invalid.
 */
class ModelEqualsTest {
    private static final UUID KEY_D = UUID.fromString("0d0d0d0d-0d0d-0d0d-0d0d-0d0d0d0d0d0d");

    /** Per-type prefabs beyond the shared ones. */
    private static final Map<Class<?>, UnaryOperator<SingleTypeEqualsVerifierApi<?>>> EXTRA = Map.of(
            RsaSignature.class, v -> v.withPrefabValues(SignatureFormat.class, SignatureFormat.RSA_SHA256,
                    SignatureFormat.RSA_SHA512),
            HmacSignature.class, v -> v.withPrefabValues(SignatureFormat.class, SignatureFormat.HMAC_SHA256,
                    SignatureFormat.HMAC_SHA384));

    static Stream<Class<?>> records() {
        return Stream.of(AuthenticatedKey.class, BacnetAddress.class, BluetoothAddress.class, BootstrapImage.class,
                BootstrapPayload.class, ChannelConfiguration.class, ChannelFlags.class, ChannelFrame.class,
                ChannelInfo.class, ChannelStatus.class, ConfigurationData.class, Derivation.class, DerivedSecretKey.class,
                DeviceCapabilities.class, DeviceInfo.class, DeviceStatus.class, EcKey.class, EcSignature.class,
                GatewayChannelGrant.class, HmacSignature.class, KeyListEntry.class, KeyMetadata.class,
                OwnerInformation.class, PrecisionTimestamp.class, PskHint.KeyIdHint.class, PskHint.KeyDefinitionHint.class,
                PskHint.KeyChainHint.class, RsaKey.class, RsaSignature.class, SimpleTimestamp.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void given_a_record_type_then_equals_and_hash_code_follow_the_contract(Class<?> type) {
        SingleTypeEqualsVerifierApi<?> verifier = withPrefabs(EqualsVerifier.forClass(type));
        EXTRA.getOrDefault(type, UnaryOperator.identity()).apply(verifier).verify();
    }

    @Test
    void given_bytes_then_equals_compares_contents() {
        EqualsVerifier.forClass(Bytes.class)
                .withPrefabValues(Bytes.class, Bytes.of(new byte[] {1}), Bytes.of(new byte[] {2}))
                .verify();
    }

    @Test
    void given_secret_bytes_then_equals_compares_contents_and_hash_is_length_only() {
        // The hash deliberately ignores the contents (see SecretBytes#hashCode), which EqualsVerifier calls weak.
        EqualsVerifier.forClass(SecretBytes.class)
                .withPrefabValues(SecretBytes.class, SecretBytes.of(new byte[] {1}), SecretBytes.of(new byte[] {2, 3}))
                .suppress(Warning.STRICT_HASHCODE, Warning.NULL_FIELDS)
                .verify();
    }

    @Test
    void given_qr_payloads_then_equal_exactly_when_every_field_is() {
        QrPayload base = QrPayload.of(DEVICE, Samples.secret(16, 1));

        assertValueSemantics(base, QrPayload.of(DEVICE, Samples.secret(16, 1)),
                QrPayload.of(KEY_A, Samples.secret(16, 1)), QrPayload.of(DEVICE, Samples.secret(16, 2)),
                QrPayload.of(DEVICE, Samples.secret(17, 1)));
    }

    @Test
    void given_ip_addresses_then_equal_exactly_when_every_field_is() {
        // EqualsVerifier's record check builds an all-zero instance, and remote port 0 is invalid.
        IpAddress base = new IpAddress(Samples.bytes(4, 1), 0, 5684);

        assertValueSemantics(base, new IpAddress(Samples.bytes(4, 1), 0, 5684),
                new IpAddress(Samples.bytes(4, 2), 0, 5684), new IpAddress(Samples.bytes(16, 1), 0, 5684),
                new IpAddress(Samples.bytes(4, 1), 1, 5684), new IpAddress(Samples.bytes(4, 1), 0, 5685));
    }

    @Test
    void given_shared_secret_payloads_then_equal_exactly_when_every_field_is() {
        SharedSecretPayload base = Samples.sharedSecretPayload();
        Bytes salt = base.salt();
        Bytes secret = base.encryptedSecret();
        Bytes iv = base.iv();
        Bytes tag = base.tag();
        Bytes data = base.encryptedData();
        CipherSuite gcm = base.cipherSuite();

        assertValueSemantics(base, new SharedSecretPayload(salt, 4096, secret, gcm, iv, tag, data),
                new SharedSecretPayload(Samples.bytes(16, 9), 4096, secret, gcm, iv, tag, data),
                new SharedSecretPayload(salt, 4097, secret, gcm, iv, tag, data),
                new SharedSecretPayload(salt, 4096, Samples.bytes(16, 9), gcm, iv, tag, data),
                new SharedSecretPayload(salt, 4096, secret, CipherSuite.AES_128_CCM, iv, tag, data),
                new SharedSecretPayload(salt, 4096, secret, gcm, Samples.bytes(12, 9), tag, data),
                new SharedSecretPayload(salt, 4096, secret, gcm, iv, Samples.bytes(16, 9), data),
                new SharedSecretPayload(salt, 4096, secret, gcm, iv, tag, Samples.bytes(3, 9)));
    }

    @Test
    void given_device_records_then_equal_exactly_when_every_field_is() {
        DeviceCapabilities caps = DeviceCapabilities.MINIMAL;
        Optional<SecretBytes> secret = Optional.of(Samples.secret(16, 1));
        Optional<String> pem = Optional.of("-----BEGIN PUBLIC KEY-----\nAA==\n-----END PUBLIC KEY-----\n");
        DeviceRecord base = new DeviceRecord(DEVICE, 1, "case", secret, Optional.empty(), Optional.empty(), caps);

        assertValueSemantics(base,
                new DeviceRecord(DEVICE, 1, "case", Optional.of(Samples.secret(16, 1)), Optional.empty(), Optional.empty(), caps),
                new DeviceRecord(KEY_A, 1, "case", secret, Optional.empty(), Optional.empty(), caps),
                new DeviceRecord(DEVICE, 2, "case", secret, Optional.empty(), Optional.empty(), caps),
                new DeviceRecord(DEVICE, 1, "other", secret, Optional.empty(), Optional.empty(), caps),
                new DeviceRecord(DEVICE, 1, "case", Optional.of(Samples.secret(16, 2)), Optional.empty(), Optional.empty(), caps),
                new DeviceRecord(DEVICE, 1, "case", Optional.empty(), pem, Optional.empty(), caps),
                new DeviceRecord(DEVICE, 1, "case", secret, Optional.empty(), Optional.of(KEY_B), caps),
                new DeviceRecord(DEVICE, 1, "case", secret, Optional.empty(), Optional.empty(),
                        new DeviceCapabilities(true, false, false, false, false)));
    }

    /** {@code same} equals {@code base} with the same hash; each of {@code different} differs in one field. */
    private static void assertValueSemantics(Object base, Object same, Object... different) {
        assertThat(base).isEqualTo(base).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(null)
                .isNotEqualTo(new Object());
        assertThat(same).isEqualTo(base);
        for (Object other : different) {
            assertThat(base).isNotEqualTo(other);
            assertThat(other).isNotEqualTo(base);
        }
    }

    private static <T> SingleTypeEqualsVerifierApi<T> withPrefabs(SingleTypeEqualsVerifierApi<T> verifier) {
        AuthenticatedKey publicEc = new AuthenticatedKey(IdentityClass.CHANNEL, Samples.ecKey(KEY_A, false),
                KeyMetadata.ownedBy(DEVICE), Samples.ecSignature(KEY_B));
        AuthenticatedKey publicRsa = new AuthenticatedKey(IdentityClass.DEVICE, Samples.rsaKey(KEY_B), KeyMetadata.NONE,
                Samples.ecSignature(KEY_C));
        return verifier
                .suppress(Warning.NULL_FIELDS)
                .withPrefabValues(Bytes.class, Samples.bytes(6, 1), Samples.bytes(6, 2))
                // Lengths differ: SecretBytes hashes its length only.
                .withPrefabValues(SecretBytes.class, Samples.secret(16, 1), Samples.secret(17, 2))
                .withPrefabValues(SimpleTimestamp.class, SimpleTimestamp.NONE, new SimpleTimestamp(5))
                .withPrefabValues(KeyDefinition.class, Samples.ecKey(KEY_A, false), Samples.rsaKey(KEY_B))
                .withPrefabValues(DerivedSecretKey.class, Samples.derivedKey(KEY_C, DEVICE),
                        new DerivedSecretKey(KEY_D, List.of(new Derivation(KEY_C, Samples.bytes(1, 1), 1, Samples.bytes(1, 2)))))
                .withPrefabValues(Derivation.class, new Derivation(KEY_A, Bytes.EMPTY, 1, Samples.bytes(4, 1)),
                        new Derivation(KEY_B, Bytes.EMPTY, 2, Samples.bytes(4, 2)))
                .withPrefabValues(SignatureDefinition.class, Samples.ecSignature(KEY_C), Samples.hmacSignature(KEY_D))
                .withPrefabValues(Address.class, new BluetoothAddress(Samples.bytes(6, 1)),
                        new IpAddress(Samples.bytes(4, 1), 0, 1))
                .withPrefabValues(AuthenticatedKey.class, publicEc, publicRsa)
                .withPrefabValues(OwnerInformation.class, Samples.ownerInformation(),
                        new OwnerInformation(0, Samples.ecSignature(KEY_A)))
                .withPrefabValues(ChannelConfiguration.class, Samples.channelConfiguration(),
                        Samples.channelInfo().configuration())
                .withPrefabValues(ChannelStatus.class, new ChannelStatus(1, ChannelState.OPEN),
                        new ChannelStatus(2, ChannelState.CLOSED, List.of(3L)));
    }
}
