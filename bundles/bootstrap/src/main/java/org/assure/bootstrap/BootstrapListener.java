package org.assure.bootstrap;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Bootstrap and presence events. Register as an OSGi service (whiteboard) or through
 * {@link BootstrapService#addListener}. Called on the client's threads; implementations must return quickly and
 * not throw (a throwing listener is logged and skipped).
 */
@ConsumerType
public interface BootstrapListener {
    /** A bootstrap attempt ended, successfully or not. */
    default void bootstrapFinished(BootstrapOutcome outcome) {
    }

    /** A presence message ({@code PUT /v1/devices/<uuid>/info}, draft §11.3.1) was answered or failed. */
    default void presenceSent(PresenceResult result) {
    }
}
