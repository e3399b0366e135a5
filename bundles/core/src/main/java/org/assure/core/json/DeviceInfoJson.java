package org.assure.core.json;

import java.util.UUID;
import org.assure.core.model.Bytes;
import org.assure.core.model.DeviceInfo;

/**
 * Device information as the management server returns it, draft §11.2.4 ({@code GET /v1/devices/<uuid>/info}):
 * the nine fields of §10.1.17 as a JSON object. {@code device_id} is a UUID text, {@code device_mac_address}
 * lower-case hex without separators (PROFILE-ADDITIONS; may be empty), the rest text (may be empty). All nine
 * fields are required; unknown fields are rejected.
 */
public final class DeviceInfoJson {
    public static final String DEVICE_ID = "device_id";
    public static final String DEVICE_MAC_ADDRESS = "device_mac_address";
    public static final String DEVICE_MANUFACTURER = "device_manufacturer";
    public static final String DEVICE_PRODUCT_CODE = "device_product_code";
    public static final String DEVICE_SERIAL_NUMBER = "device_serial_number";
    public static final String DEVICE_BUILD_DATE = "device_build_date";
    public static final String SOFTWARE_MANUFACTURER = "software_manufacturer";
    public static final String SOFTWARE_PRODUCT_CODE = "software_product_code";
    public static final String SOFTWARE_VERSION = "software_version";

    private static final int MAX_MAC_BYTES = 32;

    private DeviceInfoJson() {
    }

    public static byte[] encode(DeviceInfo info) {
        return JsonOutput.encode(g -> {
            g.writeStartObject();
            g.writeStringField(DEVICE_ID, info.deviceId().toString());
            JsonOutput.hex(g, DEVICE_MAC_ADDRESS, info.macAddress().toByteArray());
            g.writeStringField(DEVICE_MANUFACTURER, info.manufacturer());
            g.writeStringField(DEVICE_PRODUCT_CODE, info.productCode());
            g.writeStringField(DEVICE_SERIAL_NUMBER, info.serialNumber());
            g.writeStringField(DEVICE_BUILD_DATE, info.buildDate());
            g.writeStringField(SOFTWARE_MANUFACTURER, info.softwareManufacturer());
            g.writeStringField(SOFTWARE_PRODUCT_CODE, info.softwareProductCode());
            g.writeStringField(SOFTWARE_VERSION, info.softwareVersion());
            g.writeEndObject();
        });
    }

    /**
     * @throws JsonDecodeException if {@code data} is not exactly one valid device information object
     */
    public static DeviceInfo decode(byte[] data) throws JsonDecodeException {
        JsonInput in = JsonInput.of(data);
        UUID id = null;
        Bytes mac = null;
        String[] texts = new String[7];
        in.startObject("");
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            switch (name) {
                case DEVICE_ID -> id = JsonFormats.uuid(in, name);
                case DEVICE_MAC_ADDRESS -> mac = Bytes.of(JsonFormats.hex(in, name, 0, MAX_MAC_BYTES));
                case DEVICE_MANUFACTURER -> texts[0] = in.readText(name);
                case DEVICE_PRODUCT_CODE -> texts[1] = in.readText(name);
                case DEVICE_SERIAL_NUMBER -> texts[2] = in.readText(name);
                case DEVICE_BUILD_DATE -> texts[3] = in.readText(name);
                case SOFTWARE_MANUFACTURER -> texts[4] = in.readText(name);
                case SOFTWARE_PRODUCT_CODE -> texts[5] = in.readText(name);
                case SOFTWARE_VERSION -> texts[6] = in.readText(name);
                default -> throw in.unknown(name);
            }
        }
        in.expectEnd();
        UUID deviceId = in.required(DEVICE_ID, id);
        Bytes macAddress = in.required(DEVICE_MAC_ADDRESS, mac);
        String manufacturer = in.required(DEVICE_MANUFACTURER, texts[0]);
        String productCode = in.required(DEVICE_PRODUCT_CODE, texts[1]);
        String serial = in.required(DEVICE_SERIAL_NUMBER, texts[2]);
        String buildDate = in.required(DEVICE_BUILD_DATE, texts[3]);
        String swManufacturer = in.required(SOFTWARE_MANUFACTURER, texts[4]);
        String swProductCode = in.required(SOFTWARE_PRODUCT_CODE, texts[5]);
        String swVersion = in.required(SOFTWARE_VERSION, texts[6]);
        return in.construct("", () -> new DeviceInfo(deviceId, macAddress, manufacturer, productCode, serial,
                buildDate, swManufacturer, swProductCode, swVersion));
    }
}
