package org.assure.kura.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * A Kura {@link CloudPublisher} that publishes with Eclipse Paho, standing in for Kura's own cloud stack in tests: the
 * topic template replaces each {@code $name} with the message property {@code name} (as Kura's {@code app.topic}
 * does), the payload is Kura's protobuf encoding ({@link KuraPayloadProto}). At QoS 0 {@code publish} returns null,
 * otherwise the MQTT message id, confirmed to the delivery listeners once the broker acknowledged it.
 */
final class PahoCloudPublisher implements CloudPublisher {
    private static final Pattern VARIABLE = Pattern.compile("\\$([^\\s/$]+)");

    private final MqttClient client;
    private final String topicTemplate;
    private final int qos;
    private final List<CloudDeliveryListener> deliveryListeners = new CopyOnWriteArrayList<>();
    private final List<CloudConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();

    PahoCloudPublisher(MqttClient client, String topicTemplate, int qos) {
        this.client = client;
        this.topicTemplate = topicTemplate;
        this.qos = qos;
    }

    /** The topic for a message with {@code properties}. */
    String topic(Map<String, Object> properties) throws KuraException {
        Matcher matcher = VARIABLE.matcher(topicTemplate);
        StringBuilder topic = new StringBuilder();
        while (matcher.find()) {
            Object value = properties.get(matcher.group(1));
            if (value == null) {
                throw new KuraException(KuraErrorCode.INVALID_MESSAGE_EXCEPTION, "no property " + matcher.group(1));
            }
            matcher.appendReplacement(topic, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(topic);
        return topic.toString();
    }

    @Override
    public String publish(KuraMessage message) throws KuraException {
        if (!client.isConnected()) {
            throw new KuraException(KuraErrorCode.SERVICE_UNAVAILABLE, "not connected");
        }
        MqttMessage mqtt;
        try {
            mqtt = new MqttMessage(KuraPayloadProto.encode(message.getPayload()));
        } catch (IllegalArgumentException e) {
            throw new KuraException(KuraErrorCode.ENCODE_ERROR, e);
        }
        mqtt.setQos(qos);
        try {
            // the synchronous client returns once the broker acknowledged a QoS 1/2 message
            client.publish(topic(message.getProperties()), mqtt);
        } catch (MqttException e) {
            throw new KuraException(KuraErrorCode.CONNECTION_FAILED, e);
        }
        if (qos == 0) {
            return null;
        }
        String id = Integer.toString(mqtt.getId());
        deliveryListeners.forEach(l -> l.onMessageConfirmed(id));
        return id;
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener cloudConnectionListener) {
        connectionListeners.add(cloudConnectionListener);
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener cloudConnectionListener) {
        connectionListeners.remove(cloudConnectionListener);
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener) {
        deliveryListeners.add(cloudDeliveryListener);
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener cloudDeliveryListener) {
        deliveryListeners.remove(cloudDeliveryListener);
    }
}
