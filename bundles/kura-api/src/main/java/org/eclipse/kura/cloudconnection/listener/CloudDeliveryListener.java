package org.eclipse.kura.cloudconnection.listener;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when the cloud confirms delivery of a message published with a quality of service above 0. */
@ConsumerType
public interface CloudDeliveryListener {

    /** @param messageId the id that {@code CloudPublisher.publish} returned for the message */
    void onMessageConfirmed(String messageId);
}
