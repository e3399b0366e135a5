package org.assure.core.json;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.DeviceStatus;
import org.assure.core.model.SecretBytes;
import org.assure.core.testing.ExpectedValues;
import org.assure.core.testing.Samples;

/** A JSON document codec under test, type-erased, with samples and a builder for vectors' expected values. */
record JsonDocSpec(String name, Function<Object, byte[]> encoder, Decoder decoder, List<?> samples,
        Function<Map<String, Object>, Object> expected) {
    @FunctionalInterface
    interface Decoder {
        Object decode(byte[] data) throws JsonDecodeException;
    }

    @SuppressWarnings("unchecked")
    static <T> JsonDocSpec of(String name, Function<T, byte[]> encoder, Decoder decoder, List<? extends T> samples,
            Function<Map<String, Object>, Object> expected) {
        return new JsonDocSpec(name, v -> encoder.apply((T) v), decoder, samples, expected);
    }

    byte[] encode(Object value) {
        return encoder.apply(value);
    }

    Object decode(byte[] data) throws JsonDecodeException {
        return decoder.decode(data);
    }

    @Override
    public String toString() {
        return name;
    }

    static List<JsonDocSpec> all() {
        DeviceRecord secretRecord = new DeviceRecord(Samples.DEVICE, 7, "CASE-0001", Optional.of(Samples.secret(16, 0xab)),
                Optional.empty(), Optional.of(Samples.KEY_A), DeviceCapabilities.MINIMAL);
        DeviceRecord keyRecord = new DeviceRecord(Samples.DEVICE, 0, "CASE-0002", Optional.empty(),
                Optional.of("-----BEGIN PUBLIC KEY-----\nAAEC\n-----END PUBLIC KEY-----\n"), Optional.empty(),
                new DeviceCapabilities(true, true, true, true, true));
        ConfigurationData configuration = new ConfigurationData(Samples.DEVICE, 12, DeviceCapabilities.MINIMAL,
                List.of(Samples.authenticatedKey()), Samples.ownerInformation(), List.of("{\"a\":[1,{\"b\":null}]}", "{}"));
        return List.of(
                of("device_record", DeviceRecordJson::encode, DeviceRecordJson::decode, List.of(secretRecord, keyRecord),
                        JsonDocSpec::deviceRecord),
                of("device_status", DeviceStatusJson::encode, DeviceStatusJson::decode,
                        List.of(new DeviceStatus(2, "in service")),
                        e -> new DeviceStatus((int) ExpectedValues.number(e, "status"), ExpectedValues.text(e, "description"))),
                of("device_info", DeviceInfoJson::encode, DeviceInfoJson::decode, List.of(Samples.deviceInfo()),
                        e -> ExpectedValues.of("device_info", e)),
                of("configuration_data", ConfigurationDataJson::encode, ConfigurationDataJson::decode,
                        List.of(configuration), JsonDocSpec::configurationData));
    }

    static DeviceCapabilities capabilities(Map<String, Object> e) {
        return new DeviceCapabilities((Boolean) e.get("ec_capable"), (Boolean) e.get("rsa_capable"),
                (Boolean) e.get("sha384_capable"), (Boolean) e.get("sha512_capable"), (Boolean) e.get("aes256_capable"));
    }

    static DeviceRecord deviceRecord(Map<String, Object> e) {
        Optional<SecretBytes> secret = Optional.ofNullable((String) e.get("shared_secret"))
                .map(hex -> SecretBytes.of(java.util.HexFormat.of().parseHex(hex)));
        return new DeviceRecord(ExpectedValues.uuid(e, "id"), ExpectedValues.number(e, "bootstrap_server"),
                ExpectedValues.text(e, "case_string"), secret, Optional.ofNullable((String) e.get("public_key")),
                Optional.ofNullable((String) e.get("parameter_set")).map(UUID::fromString),
                capabilities(ExpectedValues.map(e.get("capabilities"))));
    }

    static ConfigurationData configurationData(Map<String, Object> e) {
        Map<String, Object> device = ExpectedValues.map(e.get("device"));
        return new ConfigurationData(ExpectedValues.uuid(device, "id"), ExpectedValues.number(device, "bootstrap_server"),
                capabilities(ExpectedValues.map(device.get("capabilities"))),
                ExpectedValues.list(e, "authenticated_keys", o -> ExpectedValues.authenticatedKey(ExpectedValues.map(o))),
                ExpectedValues.owner(ExpectedValues.map(e.get("owner_information"))),
                ExpectedValues.list(e, "parameter_choices", String.class::cast));
    }
}
