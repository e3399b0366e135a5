package org.assure.channels;

import org.assure.core.model.ChannelFlags;

/** The privileges of draft §10 a channel can carry; requests are checked against the channel they arrived on. */
public enum ChannelPrivilege {
    /** Create, read and delete keys (§10.1.1–10.1.5). */
    KEY_MANAGEMENT,
    /** Create, open, close, read and delete channels (§10.1.6–10.1.12). */
    CHANNEL_MANAGEMENT,
    /** Reboot, shutdown and bootstrap (§10.1.13–10.1.15). */
    SYSTEM_MANAGEMENT;

    /** Whether {@code flags} grant this privilege. */
    public boolean grantedBy(ChannelFlags flags) {
        return switch (this) {
            case KEY_MANAGEMENT -> flags.keyManagement();
            case CHANNEL_MANAGEMENT -> flags.channelManagement();
            case SYSTEM_MANAGEMENT -> flags.systemManagement();
        };
    }
}
