package org.assure.kura.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;

/** Keeps what is published; can be told to fail the way Kura's publisher does without a connection. */
final class RecordingCloudPublisher implements CloudPublisher {
    final List<KuraMessage> published = new CopyOnWriteArrayList<>();
    volatile boolean failing;
    private volatile CountDownLatch started;
    private volatile CountDownLatch release;

    /** Makes each publish signal {@code started}, then wait for {@code release}, as a slow publisher would. */
    void blockOn(CountDownLatch started, CountDownLatch release) {
        this.started = started;
        this.release = release;
    }

    @Override
    public String publish(KuraMessage message) throws KuraException {
        if (failing) {
            throw new KuraException(KuraErrorCode.SERVICE_UNAVAILABLE, "no cloud connection");
        }
        if (release != null) {
            started.countDown();
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        published.add(message);
        return null;
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener cloudConnectionListener) {
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener cloudConnectionListener) {
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener) {
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener) {
    }
}
