package org.assure.itests.osgi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;

/**
 * A Kura {@link CloudPublisher} registered by the test: it keeps what it is given to publish, as a cloud connection
 * that is always connected would hand it on, and answers with a message id like Kura's publishers do.
 */
final class RecordingPublisher implements CloudPublisher {
    final List<KuraMessage> published = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public String publish(KuraMessage message) {
        published.add(message);
        return Long.toString(ids.incrementAndGet());
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener listener) {
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener listener) {
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener listener) {
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener listener) {
    }
}
