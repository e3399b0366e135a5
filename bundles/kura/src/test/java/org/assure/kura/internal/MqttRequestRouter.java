package org.assure.kura.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerContext;
import org.eclipse.kura.cloudconnection.request.RequestHandlerContextConstants;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;
import org.eclipse.kura.message.KuraPayload;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * Stands in for the request side of Kura's MQTT cloud connection (KURA-API.md §5), with Paho: subscribes to
 * {@code $EDC/<account>/<client id>/#}, takes {@code <app id>/<VERB>/<resources…>} from the topic, hands the request
 * to the handler registered under the app id with the resources as the {@code args} property, and publishes the
 * reply to {@code $EDC/<account>/<requester.client.id>/<app id>/REPLY/<request.id>}. A handler exception becomes the
 * reply Kura would send: 400 for BAD_REQUEST, 404 for NOT_FOUND, 500 otherwise.
 */
final class MqttRequestRouter implements RequestHandlerRegistry, AutoCloseable {
    private static final List<String> VERBS = List.of("GET", "PUT", "POST", "DEL", "EXEC");

    private final MqttClient client;
    private final String account;
    private final String clientId;
    private final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();
    // Paho must not publish with QoS > 0 from its own callback thread: requests are served on this one
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    MqttRequestRouter(MqttClient client, String account, String clientId) throws MqttException {
        this.client = client;
        this.account = account;
        this.clientId = clientId;
        client.subscribe("$EDC/" + account + "/" + clientId + "/#", 1,
                (topic, message) -> worker.execute(() -> serve(topic, message.getPayload())));
    }

    @Override
    public void registerRequestHandler(String id, RequestHandler requestHandler) {
        handlers.put(id, requestHandler);
    }

    @Override
    public void unregister(String id) {
        handlers.remove(id);
    }

    private void serve(String topic, byte[] bytes) {
        List<String> levels = Arrays.asList(topic.split("/", -1));
        if (levels.size() < 5 || !VERBS.contains(levels.get(4))) {
            return;
        }
        String appId = levels.get(3);
        RequestHandler handler = handlers.get(appId);
        KuraPayload request;
        try {
            request = KuraPayloadProto.decode(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return; // Kura drops what it cannot decode
        }
        Object requestId = request.getMetric("request.id");
        Object requester = request.getMetric("requester.client.id");
        if (handler == null || !(requestId instanceof String) || !(requester instanceof String)) {
            return;
        }
        KuraMessage message = new KuraMessage(request, Map.of("args", List.copyOf(levels.subList(5, levels.size()))));
        RequestHandlerContext context = new RequestHandlerContext(null,
                Map.of(RequestHandlerContextConstants.TENANT_ID.name(), account,
                        RequestHandlerContextConstants.DEVICE_ID.name(), clientId));
        KuraPayload reply;
        try {
            reply = switch (levels.get(4)) {
                case "GET" -> handler.doGet(context, message).getPayload();
                case "PUT" -> handler.doPut(context, message).getPayload();
                case "POST" -> handler.doPost(context, message).getPayload();
                case "DEL" -> handler.doDel(context, message).getPayload();
                default -> handler.doExec(context, message).getPayload();
            };
        } catch (KuraException e) {
            reply = new KuraPayload();
            reply.addMetric("response.code", e.getCode() == KuraErrorCode.BAD_REQUEST ? 400
                    : e.getCode() == KuraErrorCode.NOT_FOUND ? 404 : 500);
            reply.addMetric("response.exception.message", String.valueOf(e.getMessage()));
        }
        try {
            MqttMessage answer = new MqttMessage(KuraPayloadProto.encode(reply));
            answer.setQos(1);
            client.publish("$EDC/" + account + "/" + requester + "/" + appId + "/REPLY/" + requestId, answer);
        } catch (MqttException e) {
            throw new IllegalStateException("reply not published", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
