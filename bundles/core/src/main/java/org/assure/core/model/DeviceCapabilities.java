package org.assure.core.model;

/**
 * Bootstrap capabilities of a device, draft §9.2.1 and §15.2. Every device supports SHA-256, AES-128 and shared
 * secrets; these flags say what else it can do.
 */
public record DeviceCapabilities(boolean ecCapable, boolean rsaCapable, boolean sha384Capable,
        boolean sha512Capable, boolean aes256Capable) {
    /** A shared-secret-only device. */
    public static final DeviceCapabilities MINIMAL = new DeviceCapabilities(false, false, false, false, false);
}
