package org.eclipse.kura.cloudconnection.listener;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the cloud connection behind a publisher or subscriber goes up or down. Register it with
 * {@code CloudPublisher} or {@code CloudSubscriber}.
 */
@ConsumerType
public interface CloudConnectionListener {

    /** The connection was closed on purpose. */
    void onDisconnected();

    /** The connection dropped without being asked to. */
    void onConnectionLost();

    /** The connection is up (again). */
    void onConnectionEstablished();
}
