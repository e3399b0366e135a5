package org.assure.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.DeviceStatus;
import org.assure.core.testing.ModelArbitraries;

/** Round trips of arbitrary documents, and random or damaged input, for every JSON codec. */
class JsonProperties {
    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] data) throws JsonDecodeException;
    }

    static <T> void assertRoundTrip(T value, java.util.function.Function<T, byte[]> encoder, Decoder<T> decoder)
            throws JsonDecodeException {
        byte[] encoded = encoder.apply(value);
        assertThat(encoder.apply(value)).as("deterministic").isEqualTo(encoded);
        T decoded = decoder.decode(encoded);
        assertThat(decoded).isEqualTo(value);
        assertThat(encoder.apply(decoded)).isEqualTo(encoded);
    }

    @Property
    void device_records(@ForAll("deviceRecords") DeviceRecord record) throws Exception {
        assertRoundTrip(record, DeviceRecordJson::encode, DeviceRecordJson::decode);
    }

    @Property
    void device_statuses(@ForAll("deviceStatuses") DeviceStatus status) throws Exception {
        assertRoundTrip(status, DeviceStatusJson::encode, DeviceStatusJson::decode);
    }

    @Property
    void device_infos(@ForAll("deviceInfos") DeviceInfo info) throws Exception {
        assertRoundTrip(info, DeviceInfoJson::encode, DeviceInfoJson::decode);
    }

    @Property(tries = 300)
    void configuration_data(@ForAll("configurationData") ConfigurationData data) throws Exception {
        assertRoundTrip(data, ConfigurationDataJson::encode, ConfigurationDataJson::decode);
    }

    @Property(tries = 2000)
    void random_bytes_are_rejected_or_stable(@ForAll("documents") JsonDocSpec spec, @ForAll @Size(max = 64) byte[] data) {
        JsonMalformedInputTest.rejectedOrStable(spec, data, "random input");
    }

    @Property(tries = 2000)
    void damaged_documents_are_rejected_or_stable(@ForAll("documents") JsonDocSpec spec, @ForAll int sample,
            @ForAll int position, @ForAll byte value, @ForAll boolean insert) {
        byte[] encoded = spec.encode(spec.samples().get(Math.floorMod(sample, spec.samples().size())));
        int at = Math.floorMod(position, encoded.length);
        byte[] damaged;
        if (insert) {
            damaged = new byte[encoded.length + 1];
            System.arraycopy(encoded, 0, damaged, 0, at);
            damaged[at] = value;
            System.arraycopy(encoded, at, damaged, at + 1, encoded.length - at);
        } else {
            damaged = encoded.clone();
            damaged[at] = value;
        }
        JsonMalformedInputTest.rejectedOrStable(spec, damaged, (insert ? "insert at " : "replace at ") + at);
    }

    @Provide
    Arbitrary<DeviceRecord> deviceRecords() {
        return ModelArbitraries.deviceRecords();
    }

    @Provide
    Arbitrary<DeviceStatus> deviceStatuses() {
        return ModelArbitraries.deviceStatuses();
    }

    @Provide
    Arbitrary<DeviceInfo> deviceInfos() {
        return ModelArbitraries.deviceInfos();
    }

    @Provide
    Arbitrary<ConfigurationData> configurationData() {
        return ModelArbitraries.configurationData();
    }

    @Provide
    Arbitrary<JsonDocSpec> documents() {
        return Arbitraries.of(JsonDocSpec.all());
    }
}
