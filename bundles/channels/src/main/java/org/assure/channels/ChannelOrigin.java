package org.assure.channels;

/** Who defined a channel; decides whether the Device Management API may delete it (draft §10.1.10). */
public enum ChannelOrigin {
    /** Defined by the bootstrap image (PROFILE §5): never deletable through the API ({@code 4.03}). */
    BOOTSTRAP,
    /** Defined through {@code PUT /v1/channels} by a management system. */
    MANAGEMENT,
    /** Defined on the gateway itself (local configuration, tests). */
    LOCAL
}
