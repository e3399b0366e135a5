package org.assure.core.cbor;

import java.util.UUID;
import org.assure.core.model.Bytes;
import org.assure.core.model.DeviceInfo;

/**
 * Device information, draft §10.1.17 ({@code GET /v1/info}) and §11.3.1 (presence), PROFILE §8:
 * {@code [device_id, device_mac_address, device_manufacturer, device_product_code, device_serial_number,
 * device_build_date, software_manufacturer, software_product_code, software_version]}. Only {@code device_id}
 * (16 bytes) is mandatory; the MAC address (up to 32 bytes) and the texts may be empty.
 */
public final class DeviceInfoCodec {
    /** UTF-8 bytes of the longest text: {@link DeviceInfo#MAX_TEXT_LENGTH} chars of up to 3 bytes each. */
    private static final int MAX_TEXT_BYTES = 3 * DeviceInfo.MAX_TEXT_LENGTH;
    private static final int MAX_MAC_BYTES = 32;

    private DeviceInfoCodec() {
    }

    public static byte[] encode(DeviceInfo info) {
        return CborWriter.encode(w -> write(w, info));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one valid device information
     */
    public static DeviceInfo decode(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        DeviceInfo info = read(reader, "device_info");
        reader.expectEnd();
        return info;
    }

    public static void write(CborWriter w, DeviceInfo info) {
        w.startArray(9)
                .uuid(info.deviceId())
                .bytes(info.macAddress())
                .text(info.manufacturer())
                .text(info.productCode())
                .text(info.serialNumber())
                .text(info.buildDate())
                .text(info.softwareManufacturer())
                .text(info.softwareProductCode())
                .text(info.softwareVersion())
                .endArray();
    }

    public static DeviceInfo read(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 9, 9);
        UUID deviceId = r.readUuid("device_id");
        Bytes mac = r.readByteString("device_mac_address", 0, MAX_MAC_BYTES);
        String manufacturer = text(r, "device_manufacturer");
        String productCode = text(r, "device_product_code");
        String serial = text(r, "device_serial_number");
        String buildDate = text(r, "device_build_date");
        String softwareManufacturer = text(r, "software_manufacturer");
        String softwareProductCode = text(r, "software_product_code");
        String softwareVersion = text(r, "software_version");
        r.endArray();
        return new DeviceInfo(deviceId, mac, manufacturer, productCode, serial, buildDate, softwareManufacturer,
                softwareProductCode, softwareVersion);
    }

    private static String text(CborReader r, String field) throws CborDecodeException {
        String text = r.readText(field, MAX_TEXT_BYTES);
        if (text.length() > DeviceInfo.MAX_TEXT_LENGTH) {
            throw r.error(field, "text over " + DeviceInfo.MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }
}
