package org.assure.kura.apiconsumer;

import java.util.List;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.bluetooth.le.BluetoothLeService;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerContext;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;
import org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.eclipse.kura.message.KuraPayload;

/**
 * Fixture for {@code KuraApiConsumerImportsTest}: uses the stand-in the way our Kura bundles do (implements the
 * consumer types, calls the provider types, touches every exported package), so bnd computes the import ranges a
 * real bundle of ours would get.
 */
public class SampleKuraConsumer implements ConfigurableComponent, RequestHandler, CloudSubscriberListener,
        CloudConnectionListener, CloudDeliveryListener {

    private final CloudPublisher publisher;
    private final CloudSubscriber subscriber;
    private final RequestHandlerRegistry registry;
    private final CryptoService crypto;
    private final BluetoothLeService bluetooth;

    public SampleKuraConsumer(CloudPublisher publisher, CloudSubscriber subscriber, RequestHandlerRegistry registry,
            CryptoService crypto, BluetoothLeService bluetooth) {
        this.publisher = publisher;
        this.subscriber = subscriber;
        this.registry = registry;
        this.crypto = crypto;
        this.bluetooth = bluetooth;
    }

    public void start() throws KuraException {
        this.registry.registerRequestHandler("ASSURE-V1", this);
        this.subscriber.registerCloudSubscriberListener(this);
        this.publisher.registerCloudDeliveryListener(this);
        this.crypto.decryptAes(new char[0]);
        this.bluetooth.getAdapters();
    }

    @Override
    public KuraMessage doGet(RequestHandlerContext context, KuraMessage request) throws KuraException {
        KuraPayload payload = new KuraPayload();
        payload.addMetric("response.code", 200);
        return new KuraMessage(payload);
    }

    @Override
    public void onMessageArrived(KuraMessage message) {
        message.getProperties().put("seen", List.of());
    }

    @Override
    public void onDisconnected() {
        // the fixture only needs the type relationship
    }

    @Override
    public void onConnectionLost() {
        // the fixture only needs the type relationship
    }

    @Override
    public void onConnectionEstablished() {
        // the fixture only needs the type relationship
    }

    @Override
    public void onMessageConfirmed(String messageId) {
        // the fixture only needs the type relationship
    }
}
