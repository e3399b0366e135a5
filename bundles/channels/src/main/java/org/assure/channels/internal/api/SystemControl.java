package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.BootstrapTrigger;
import org.assure.core.model.DeviceInfo;

/** What the system endpoints act on; implemented by the component (goodbye hooks, restart, host commands). */
public interface SystemControl {
    /** Says goodbye, then reboots as configured; called after the 2.04 has been sent. */
    void reboot();

    /** Says goodbye, then shuts down as configured; called after the 2.04 has been sent. */
    void shutdown();

    /** The bootstrap client's trigger, if one is registered. */
    Optional<BootstrapTrigger> bootstrapTrigger();

    /** The {@code GET /v1/info} answer (§10.1.17). */
    DeviceInfo deviceInfo();
}
