package org.assure.itests.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.assure.core.bootstrap.OpenedImage;
import org.assure.core.crypto.EcSignatureValue;
import org.assure.core.model.Bytes;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.TrustedKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every benchmark method once, outside JMH, on a state set up as JMH would set it up: proves the benchmarks
 * measure operations that succeed. Timing is not checked here.
 */
class BenchmarksSmokeTest {

    @Test
    void given_an_ec_key_signed_by_the_trusted_authority_when_decoded_and_validated_then_it_is_trusted() throws Exception {
        var key = new AuthenticatedKeyBenchmark.SignedKey();
        key.setUp();

        TrustedKey trusted = new AuthenticatedKeyBenchmark().decodeAndValidate(key);

        assertThat(trusted.identityClass()).isEqualTo(IdentityClass.MANAGEMENT_SYSTEM);
        assertThat(trusted.isAnchor()).isFalse();
        assertThat(trusted.publicKey()).isPresent();
    }

    @Test
    void given_an_ec_device_when_its_image_is_opened_then_all_20_keys_and_the_payload_come_out() throws Exception {
        var device = new BootstrapImageBenchmark.EcDevice();
        device.setUp();

        assertOpened(new BootstrapImageBenchmark().openEc(device), device.scenario);
    }

    @Test
    void given_an_rsa_device_when_its_image_is_opened_then_all_20_keys_and_the_payload_come_out() throws Exception {
        var device = new BootstrapImageBenchmark.RsaDevice();
        device.setUp();

        assertOpened(new BootstrapImageBenchmark().openRsa(device), device.scenario);
    }

    @Test
    void given_a_shared_secret_device_when_its_image_is_opened_then_every_derived_key_is_resolved() throws Exception {
        var device = new BootstrapImageBenchmark.SharedSecretDevice();
        device.setUp();

        OpenedImage opened = new BootstrapImageBenchmark().openSharedSecret(device);

        assertOpened(opened, device.scenario);
        // each imported key is a derived secret the device could derive, else the HMAC chain would have failed
        assertThat(opened.keys()).allSatisfy(key -> assertThat(key.secret()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(SignatureCase.class)
    void given_a_signature_format_when_signed_and_verified_once_then_it_verifies_and_fails_on_a_changed_input(
            SignatureCase signatureCase) {
        var material = new SignatureBenchmark.Material();
        material.signature = signatureCase;
        material.setUp();
        var benchmark = new SignatureBenchmark();

        Object value = benchmark.sign(material);
        boolean verified = benchmark.verify(material);
        material.input[0] ^= 1;
        boolean verifiedChanged = benchmark.verify(material);

        assertThat(material.input).hasSize(SignatureBenchmark.INPUT_LENGTH);
        assertThat(valueLength(value)).isEqualTo(switch (signatureCase) {
            case ECDSA_P256_SHA256 -> 64;
            case ECDSA_P384_SHA384 -> 96;
            case ECDSA_P521_SHA512 -> 132;
            case RSA_2048_SHA256 -> 256;
            case HMAC_SHA256 -> 32;
        });
        assertThat(verified).isTrue();
        assertThat(verifiedChanged).isFalse();
    }

    @Test
    void given_an_ascii_password_when_derived_by_ours_and_by_the_jdk_then_both_give_the_same_32_bytes() throws Exception {
        var material = new SecretDerivationBenchmark.Material();
        material.setUp();
        var benchmark = new SecretDerivationBenchmark();

        SecretBytes ours = benchmark.derive(material);
        byte[] peer = benchmark.jdkPbkdf2(material);

        assertThat(peer).hasSize(SecretDerivationBenchmark.LENGTH);
        assertThat(HexFormat.of().formatHex(ours.toByteArray())).isEqualTo(HexFormat.of().formatHex(peer));
    }

    private static void assertOpened(OpenedImage opened, ImageScenario scenario) {
        assertThat(opened.keys()).hasSize(ImageScenario.KEYS);
        assertThat(opened.keys()).extracting(TrustedKey::identityClass).startsWith(IdentityClass.MANAGEMENT_SYSTEM,
                IdentityClass.BOOTSTRAP_SERVICE).containsOnlyOnce(IdentityClass.MANAGEMENT_SYSTEM);
        assertThat(opened.ownerSequence()).isEqualTo(1);
        assertThat(opened.payload().coapMessages()).hasSize(ImageScenario.PAYLOAD_MESSAGES);
        assertThat(opened.payload()).isEqualTo(scenario.payload());
    }

    private static int valueLength(Object value) {
        if (value instanceof EcSignatureValue ec) {
            return ec.r().length() + ec.s().length();
        }
        return ((Bytes) value).length();
    }

    @Test
    void given_p256_keys_when_every_p256_benchmark_runs_once_then_ours_and_bouncycastles_give_the_same_results() {
        var keys = new P256Benchmark.Keys();
        keys.setUp();
        var benchmark = new P256Benchmark();

        byte[] signature = benchmark.sign(keys);
        BigInteger[] bcSignature = benchmark.bcSign(keys);

        assertThat(benchmark.keyGeneration().publicKey()).hasSize(65);
        assertThat(benchmark.bcKeyGeneration().getPublic()).isNotNull();
        assertThat(new BigInteger(1, benchmark.agreement(keys))).isEqualTo(benchmark.bcAgreement(keys));
        assertThat(new BigInteger(1, Arrays.copyOfRange(signature, 0, 32))).isEqualTo(bcSignature[0]);
        assertThat(new BigInteger(1, Arrays.copyOfRange(signature, 32, 64))).isEqualTo(bcSignature[1]);
        assertThat(benchmark.verify(keys)).isTrue();
        assertThat(benchmark.bcVerify(keys)).isTrue();
        keys.hash[0] ^= 1;
        assertThat(benchmark.verify(keys)).isFalse();
        assertThat(benchmark.bcVerify(keys)).isFalse();
    }
}
