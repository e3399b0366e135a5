package org.assure.channels;

import java.time.Duration;
import org.assure.core.model.GoodbyeReason;

/**
 * Says goodbye to the management systems before the gateway reboots, shuts down or bootstraps (draft §11.4). The
 * bootstrap client registers it as an OSGi service; the channel manager calls every registered hook before it acts
 * on {@code PUT /v1/reboot} or {@code PUT /v1/shutdown}.
 */
public interface GoodbyeHook {
    /**
     * Sends goodbye on the management channels and returns when done or when {@code timeout} has passed. Must not
     * throw; failures are the hook's to log.
     */
    void goodbye(GoodbyeReason reason, Duration timeout);
}
