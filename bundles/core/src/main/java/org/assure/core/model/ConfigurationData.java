package org.assure.core.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The configuration data the Trusted Authority gives a management system for building a device's bootstrap
 * image, draft §15.2 (JSON): the device, the authenticated keys in the order the image must carry them, the
 * signed owner information, and the parameter choices (kept as opaque JSON texts: the draft leaves them TBD).
 */
public record ConfigurationData(UUID deviceId, long bootstrapServer, DeviceCapabilities capabilities,
        List<AuthenticatedKey> authenticatedKeys, OwnerInformation ownerInformation, List<String> parameterChoices) {
    /** Most parameter-choice sets accepted. */
    public static final int MAX_PARAMETER_CHOICES = 64;

    public ConfigurationData {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(ownerInformation, "ownerInformation");
        authenticatedKeys = List.copyOf(authenticatedKeys);
        parameterChoices = List.copyOf(parameterChoices);
        parameterChoices.forEach(choice -> Unicode.requireWellFormed(choice, "parameter choice"));
        if (bootstrapServer < 0) {
            throw new IllegalArgumentException("negative bootstrap server id");
        }
        if (authenticatedKeys.size() > BootstrapImage.MAX_KEYS) {
            // They all go into the bootstrap image (draft §15.5).
            throw new IllegalArgumentException("more than " + BootstrapImage.MAX_KEYS + " authenticated keys");
        }
        if (parameterChoices.size() > MAX_PARAMETER_CHOICES) {
            throw new IllegalArgumentException("more than " + MAX_PARAMETER_CHOICES + " parameter choices");
        }
    }
}
