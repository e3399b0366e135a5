package org.assure.authority.internal.ta;

import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.KeyFormat;

/**
 * One row of {@code devices}. Byte arrays are the stored encodings (sealed where secret); they stay inside the
 * Trusted Authority and never reach an API response as they are. Not a value type: it is never compared.
 */
final class DeviceRow {
    UUID id;
    String manufacturer;
    long bootstrapServer;
    KeyFormat keyFormat;
    byte[] publicKey;
    byte[] secretSealed;
    byte[] caseSealed;
    UUID parameterSet;
    DeviceCapabilities capabilities;
    Optional<String> owner = Optional.empty();
    long ownerSequence;
    /** The owner sequence as read, so an update can check that nobody changed the row in between. */
    long storedSequence;
    byte[] ownerInformation;
    byte[] configKeys;
    byte[] bootstrapKey;
    byte[] bootstrapImage;

    static int capabilityBits(DeviceCapabilities c) {
        return (c.ecCapable() ? 1 : 0) | (c.rsaCapable() ? 2 : 0) | (c.sha384Capable() ? 4 : 0)
                | (c.sha512Capable() ? 8 : 0) | (c.aes256Capable() ? 16 : 0);
    }

    static DeviceCapabilities capabilities(int bits) {
        return new DeviceCapabilities((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
                (bits & 16) != 0);
    }

    @Override
    public String toString() {
        return "DeviceRow[" + id + "]";
    }
}
