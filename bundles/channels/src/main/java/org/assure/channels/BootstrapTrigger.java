package org.assure.channels;

import org.assure.core.model.GoodbyeReason;

/**
 * Starts a bootstrap (draft §10.1.15). The bootstrap client registers it as an OSGi service; without one,
 * {@code PUT /v1/bootstrap} answers {@code 5.03}.
 */
public interface BootstrapTrigger {
    /**
     * Schedules a bootstrap to start after the current request has been answered; returns at once. The bootstrap
     * client says goodbye with {@code reason} itself.
     */
    void bootstrapSoon(GoodbyeReason reason);
}
