package org.eclipse.kura.cloudconnection.publisher;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes messages through one cloud connection; the publisher's configuration decides the destination (for Kura's
 * MQTT connection, a topic in which each {@code $name} is replaced by the message property {@code name}).
 */
@ProviderType
public interface CloudPublisher {

    /**
     * @return null when the message is sent without delivery confirmation (quality of service 0); otherwise the id
     *         later passed to {@link CloudDeliveryListener#onMessageConfirmed(String)}
     * @throws KuraException if the message cannot be published, e.g. {@code SERVICE_UNAVAILABLE} when no cloud
     *             connection is bound
     */
    String publish(KuraMessage message) throws KuraException;

    void registerCloudConnectionListener(CloudConnectionListener cloudConnectionListener);

    void unregisterCloudConnectionListener(CloudConnectionListener cloudConnectionListener);

    void registerCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);

    void unregisterCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener);
}
