package org.assure.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.DeviceStatus;
import org.assure.core.testing.Samples;
import org.junit.jupiter.api.Test;

/** One worked example per JSON document. */
class JsonExamplesTest {
    @Test
    void given_a_shared_secret_device_record_when_encoded_then_hex_under_shared_secret_and_decodes_back() throws Exception {
        DeviceRecord record = new DeviceRecord(Samples.DEVICE, 7, "CASE-1", Optional.of(Samples.secret(16, 0xab)),
                Optional.empty(), Optional.of(Samples.KEY_A), new DeviceCapabilities(true, false, true, false, true));

        byte[] json = DeviceRecordJson.encode(record);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"shared_secret\":\"abababababababababababababababab\"");
        assertThat(DeviceRecordJson.decode(json)).isEqualTo(record);
    }

    @Test
    void given_status_info_and_configuration_when_round_tripped_then_equal() throws Exception {
        ConfigurationData data = new ConfigurationData(Samples.DEVICE, 12, DeviceCapabilities.MINIMAL,
                List.of(Samples.authenticatedKey()), Samples.ownerInformation(), List.of("{\"a\":[1,2]}", "{}"));

        assertThat(DeviceStatusJson.decode(DeviceStatusJson.encode(new DeviceStatus(2, "in service"))))
                .isEqualTo(new DeviceStatus(2, "in service"));
        assertThat(DeviceInfoJson.decode(DeviceInfoJson.encode(Samples.deviceInfo()))).isEqualTo(Samples.deviceInfo());
        assertThat(ConfigurationDataJson.decode(ConfigurationDataJson.encode(data))).isEqualTo(data);
    }

    @Test
    void given_a_duplicate_field_when_decoded_then_malformed() {
        byte[] json = "{\"status\":1,\"status\":2,\"description\":\"\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DeviceStatusJson.decode(json)).isExactlyInstanceOf(JsonDecodeException.class)
                .hasMessageContaining("duplicate");
    }
}
