package org.assure.bootstrap;

import org.assure.core.model.GoodbyeReason;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The bootstrap client (draft §15, PROFILE §5). It bootstraps on first start (no management channel defined yet)
 * and when asked ({@code PUT /v1/bootstrap} or {@link #bootstrapNow}); failures are retried with capped
 * exponential back-off and jitter. Thread-safe.
 */
@ProviderType
public interface BootstrapService {
    /** What the client is doing and how the last attempt ended. */
    BootstrapStatus status();

    /**
     * Says goodbye with {@code reason} on the management channels, then starts a bootstrap at once (cancelling a
     * pending retry); returns without waiting. A bootstrap already running is not started twice.
     */
    void bootstrapNow(GoodbyeReason reason);

    /** Registers a listener (in addition to the OSGi whiteboard). */
    void addListener(BootstrapListener listener);

    /** Unregisters a listener; unknown listeners are ignored. */
    void removeListener(BootstrapListener listener);
}
