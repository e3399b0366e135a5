package org.assure.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * Device information, draft §10.1.17 and §11.3.1 (PROFILE §8): only the device id is mandatory; the other
 * fields may be empty. Also the JSON document of §11.2.4.
 */
public record DeviceInfo(UUID deviceId, Bytes macAddress, String manufacturer, String productCode,
        String serialNumber, String buildDate, String softwareManufacturer, String softwareProductCode,
        String softwareVersion) {
    /** Upper bound on each text field, to keep the structure small on constrained links. */
    public static final int MAX_TEXT_LENGTH = 256;

    public DeviceInfo {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(macAddress, "macAddress");
        for (String text : new String[] {manufacturer, productCode, serialNumber, buildDate, softwareManufacturer,
                softwareProductCode, softwareVersion}) {
            Objects.requireNonNull(text, "device info text");
            Unicode.requireWellFormed(text, "device info text");
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("device info text over " + MAX_TEXT_LENGTH + " characters");
            }
        }
        if (macAddress.length() > 32) {
            throw new IllegalArgumentException("MAC address over 32 bytes");
        }
    }

    /** Only the mandatory device id. */
    public static DeviceInfo of(UUID deviceId) {
        return new DeviceInfo(deviceId, Bytes.EMPTY, "", "", "", "", "", "", "");
    }
}
