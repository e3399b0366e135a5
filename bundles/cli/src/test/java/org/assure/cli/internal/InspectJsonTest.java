package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.assure.core.json.ConfigurationDataJson;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.json.DeviceStatusJson;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.DeviceStatus;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `assure inspect` on the JSON documents of the draft. */
class InspectJsonTest {
    private static final DeviceCapabilities CAPABILITIES = new DeviceCapabilities(true, false, true, false, false);

    private static CliRun.Result inspect(byte[] json) {
        return CliRun.withStdin(json, "inspect");
    }

    @Test
    void given_a_device_record_when_inspected_then_the_case_string_and_secret_are_only_marked_present() {
        byte[] json = DeviceRecordJson.encode(new DeviceRecord(Structures.DEVICE, 42, "CASE-7f3a9c", Optional.of(
                SecretBytes.of(Structures.filled(16, 0x9d))), Optional.empty(), Optional.empty(), CAPABILITIES));

        CliRun.Result result = inspect(json);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                device record (draft §9.2.1, JSON)
                  id: d0d0d0d0-0000-4000-8000-000000000001
                  bootstrap_server: 42
                  case_string: <case string present, 11 characters>
                  shared_secret: <shared secret present, 16 bytes>
                  parameter_set: (absent)
                  capabilities:
                    ec_capable: true
                    rsa_capable: false
                    sha384_capable: true
                    sha512_capable: false
                    aes256_capable: false
                """);
        assertThat(result.out()).doesNotContain("7f3a9c").doesNotContain("9d9d");
    }

    @Test
    void given_a_device_record_with_a_public_key_when_inspected_then_the_key_is_described() {
        String pem = TestKeys.publicPem(TestKeys.ec());
        byte[] json = DeviceRecordJson.encode(new DeviceRecord(Structures.DEVICE, 1, "CASE", Optional.empty(),
                Optional.of(pem), Optional.of(Structures.KEY), CAPABILITIES));

        CliRun.Result result = inspect(json);

        assertThat(result.out()).contains("public_key: EC P-256 public key (PEM, 91 bytes DER)",
                "parameter_set: 00112233-4455-6677-8899-aabbccddeeff");
    }

    @Test
    void given_configuration_data_when_inspected_then_keys_owner_and_choices() {
        ConfigurationData data = new ConfigurationData(Structures.DEVICE, 7, CAPABILITIES, List.of(Structures.channelKey()),
                new OwnerInformation(2, Structures.ecSignature(Structures.SIGNER)), List.of("{\"cipher\":\"AES-128-CCM\"}"));

        CliRun.Result result = inspect(ConfigurationDataJson.encode(data));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("""
                configuration data (draft §15.2, JSON)
                  device:
                    id: d0d0d0d0-0000-4000-8000-000000000001
                    bootstrap_server: 7
                    capabilities:
                      ec_capable: true
                """).contains("""
                  authenticated_keys: 1 item
                    [0]: authenticated key (draft §7.4)
                """, """
                  owner_information: owner information (draft §15.5)
                    content: 5 (owner)
                    owner_sequence_number: 2
                """, """
                  parameter_choices: 1 item
                    [0]: "{\\"cipher\\":\\"AES-128-CCM\\"}"
                """, "private_key: <private key present, 138 bytes>");
    }

    @Test
    void given_a_device_status_when_inspected_then_status_and_description() {
        CliRun.Result result = inspect(DeviceStatusJson.encode(new DeviceStatus(1, "registered")));

        assertThat(result.out()).isEqualTo("""
                device status (draft §11.2.3, JSON)
                  status: 1
                  description: "registered"
                """);
    }

    @Test
    void given_a_status_of_the_wrong_type_when_inspected_then_the_field_is_named() {
        CliRun.Result result = inspect("{\"status\": \"1\", \"description\": \"\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("error: invalid device status (JSON): status: expected an integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"foo\": 1}", "  {\"status\": 1,}", "{\"case_string\": \"SECRET-CASE\"}"})
    void given_broken_or_unknown_json_when_inspected_then_exit_2_one_line_without_echoing_values(String json) {
        CliRun.Result result = inspect(json.getBytes(StandardCharsets.UTF_8));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ").doesNotContain("SECRET-CASE");
    }
}
