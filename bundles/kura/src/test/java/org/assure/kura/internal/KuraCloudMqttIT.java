package org.assure.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.PresenceResult;
import org.assure.channels.ChannelOrigin;
import org.assure.core.model.ChannelState;
import org.assure.core.model.GoodbyeReason;
import org.assure.itests.support.AesGcmCryptoService;
import org.assure.kura.internal.AssureEvent.EventCategory;
import org.eclipse.kura.message.KuraPayload;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kura components against a real Mosquitto: events go out through a Paho {@link PahoCloudPublisher} in Kura's
 * protobuf payload encoding and are read back by an independent Paho subscriber; remote operations arrive as MQTT
 * requests through {@link MqttRequestRouter} (Kura's request routing) and their replies are read back the same way.
 */
class KuraCloudMqttIT {
    private static final String ACCOUNT = "acct";
    private static final String GATEWAY = "gw-1";
    private static final String TOKEN = "s3cret-token-" + UUID.randomUUID();
    private static final long TIMEOUT_SECONDS = 10;

    private record Received(String topic, byte[] payload) {
    }

    @TempDir
    Path directory;

    private Mosquitto broker;
    private final List<MqttClient> clients = new ArrayList<>();
    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final List<Received> everything = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<KuraPayload>> replies = new ConcurrentHashMap<>();
    private final InMemoryChannelManager channels = new InMemoryChannelManager();
    private final InMemoryKeystore keystore = new InMemoryKeystore();
    private final InMemoryBootstrapService bootstrapClient = new InMemoryBootstrapService();
    private final List<GoodbyeReason> bootstraps = bootstrapClient.requested;
    private final List<String> confirmed = new CopyOnWriteArrayList<>();
    private CloudEventPublisher eventPublisher;
    private MqttRequestRouter router;
    private MqttClient console;

    @BeforeEach
    void startBrokerAndGateway() throws Exception {
        broker = Mosquitto.start(directory);

        MqttClient monitor = connect("monitor");
        // '#' does not match topics starting with '$' (MQTT 3.1.1 §4.7.2), so Kura's $EDC control topics need their own
        monitor.subscribe(new String[] {"#", "$EDC/#"}, new int[] {1, 1}, new IMqttMessageListener[] {
            this::monitored, this::monitored});

        MqttClient gateway = connect(GATEWAY);
        PahoCloudPublisher publisher = new PahoCloudPublisher(gateway,
                ACCOUNT + "/" + GATEWAY + "/A1/$assetName/$eventType", 1);
        publisher.registerCloudDeliveryListener(confirmed::add);
        eventPublisher = new CloudEventPublisher(
                new EventSettings(true, "assure", EnumSet.allOf(EventCategory.class), 100, 15), Clock.systemUTC(), null,
                false);
        eventPublisher.bindCloudPublisher(publisher);
        eventPublisher.bindChannelManager(channels);
        eventPublisher.bindKeystore(keystore);
        eventPublisher.bindBootstrapService(bootstrapClient);

        AesGcmCryptoService crypto = new AesGcmCryptoService();
        RequestSettings settings = new RequestSettings("ASSURE-V1", true);
        CloudRequestHandler handler = new CloudRequestHandler(settings, new RemoteOperations(settings,
                new RequestToken(crypto.encrypt(TOKEN), crypto), () -> Optional.of(channels),
                () -> Optional.of(bootstrapClient), () -> Optional.of(keystore), Clock.systemUTC()));
        router = new MqttRequestRouter(gateway, ACCOUNT, GATEWAY);
        handler.bindRequestHandlerRegistry(router);

        console = connect("console");
        console.subscribe("$EDC/" + ACCOUNT + "/console/ASSURE-V1/REPLY/#", 1, (topic, message) -> {
            String requestId = topic.substring(topic.lastIndexOf('/') + 1);
            CompletableFuture<KuraPayload> pending = replies.get(requestId);
            if (pending != null) {
                pending.complete(KuraPayloadProto.decode(message.getPayload()));
            }
        });
    }

    private void monitored(String topic, MqttMessage message) {
        Received received = new Received(topic, message.getPayload());
        everything.add(received);
        if (topic.startsWith(ACCOUNT + "/" + GATEWAY + "/A1/")) {
            events.add(received);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (eventPublisher != null) {
            eventPublisher.deactivate();
        }
        if (router != null) {
            router.close();
        }
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient connect(String clientId) throws MqttException {
        MqttClient client = new MqttClient(broker.uri(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout((int) TIMEOUT_SECONDS);
        client.connect(options);
        clients.add(client);
        return client;
    }

    private KuraPayload request(String verb, String resources, Map<String, Object> metrics) throws Exception {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<KuraPayload> reply = new CompletableFuture<>();
        replies.put(requestId, reply);
        KuraPayload payload = new KuraPayload();
        payload.addMetric("request.id", requestId);
        payload.addMetric("requester.client.id", "console");
        metrics.forEach(payload::addMetric);
        MqttMessage message = new MqttMessage(KuraPayloadProto.encode(payload));
        message.setQos(1);
        console.publish("$EDC/" + ACCOUNT + "/" + GATEWAY + "/ASSURE-V1/" + verb + "/" + resources, message);
        return reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private KuraPayload request(String verb, String resources) throws Exception {
        return request(verb, resources, Map.of("request.token", TOKEN));
    }

    private Received nextEvent() throws InterruptedException {
        Received received = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(received).as("event within %d s", TIMEOUT_SECONDS).isNotNull();
        return received;
    }

    @Test
    void givenAChannelIsCreated_whenTheEventIsPublished_thenTheSubscriberDecodesKurasEncodingWithTypedMetrics()
            throws Exception {
        UUID local = UUID.randomUUID();
        long id = channels.create(Channels.management(local, "192.0.2.44", 5684), ChannelOrigin.MANAGEMENT);

        Received created = nextEvent();

        assertThat(created.topic()).isEqualTo("acct/gw-1/A1/assure/channel.created");
        KuraPayload payload = KuraPayloadProto.decode(created.payload());
        assertThat(payload.getTimestamp()).isNotNull();
        assertThat(payload.metrics()).containsEntry("event", "channel.created").containsEntry("event.sequence", 1L)
                .containsEntry("channel.id", id).containsEntry("channel.state", "CLOSED")
                .containsEntry("channel.state.code", 0).containsEntry("channel.persistent", true)
                .containsEntry("channel.local.key.id", local.toString())
                .containsEntry("channel.address", "192.0.2.44:5684");
        assertThat(payload.metricNames()).isSubsetOf(CloudEventPublisherTest.CHANNEL_EVENT_METRICS);
        assertThat(confirmed).as("QoS 1 deliveries confirmed").hasSize(1).doesNotContainNull();
    }

    @Test
    void givenARemoteOperator_whenChannelsAreListedAndOneIsOpened_thenRepliesAndTheStateEventArriveOverMqtt()
            throws Exception {
        long id = channels.create(Channels.management(UUID.randomUUID(), "192.0.2.45", 5684), ChannelOrigin.LOCAL);
        nextEvent();

        KuraPayload list = request("GET", "channels");
        assertThat(list.metrics()).containsEntry("response.code", 200).containsEntry("channel.count", 1)
                .containsEntry("channel.ids", Long.toString(id)).containsEntry("channel." + id + ".state", "CLOSED");

        KuraPayload opened = request("EXEC", "channels/" + id + "/open");
        assertThat(opened.metrics()).containsEntry("response.code", 200)
                .containsEntry("channel.state", "OPEN_REQUESTED");

        KuraPayload stateEvent = KuraPayloadProto.decode(nextEvent().payload());
        assertThat(stateEvent.metrics()).containsEntry("event", "channel.state")
                .containsEntry("channel.state", "OPEN_REQUESTED").containsEntry("channel.previous.state", "CLOSED")
                .containsEntry("event.sequence", 2L);

        KuraPayload bootstrap = request("EXEC", "bootstrap");
        assertThat(bootstrap.metrics()).containsEntry("response.code", 200).containsEntry("bootstrap.scheduled", true);
        assertThat(bootstraps).containsExactly(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL);
    }

    @Test
    void givenAKeyIsGenerated_whenPolled_thenTheKeyEventAndTheKeyListingCarryIdsAndFlagsOnly() throws Exception {
        org.assure.keystore.KeyInfo key = keystore.generatedKey(true);
        keystore.add(key);
        eventPublisher.pollKeys();

        Received added = nextEvent();
        assertThat(added.topic()).isEqualTo("acct/gw-1/A1/assure/key.added");
        KuraPayload event = KuraPayloadProto.decode(added.payload());
        assertThat(event.metrics()).containsEntry("key.id", key.keyId().toString())
                .containsEntry("key.identity.class", "CHANNEL").containsEntry("key.private.present", true);
        RemoteOperationsTest.assertNoKeyMaterial(event, key);

        KuraPayload listing = request("GET", "keys");
        assertThat(listing.metrics()).containsEntry("response.code", 200).containsEntry("key.count", 2)
                .containsEntry("key." + key.keyId() + ".origin", "GENERATED");
        RemoteOperationsTest.assertNoKeyMaterial(listing, key);
    }

    @Test
    void givenABootstrapAndAPresence_whenTheClientReportsThem_thenBothEventsArriveWithTheirOwnTimes()
            throws Exception {
        Instant finished = Instant.parse("2026-12-05T17:00:00.250Z");
        bootstrapClient.finish(BootstrapOutcome.succeeded(finished, 7, 2));
        bootstrapClient.presence(new PresenceResult(3, finished.plusSeconds(2), true, Optional.of("2.04")));

        Received outcome = nextEvent();
        assertThat(outcome.topic()).isEqualTo("acct/gw-1/A1/assure/bootstrap.outcome");
        KuraPayload bootstrap = KuraPayloadProto.decode(outcome.payload());
        assertThat(bootstrap.getTimestamp().toInstant()).isEqualTo(finished);
        assertThat(bootstrap.metrics()).containsEntry("bootstrap.result", "SUCCEEDED")
                .containsEntry("bootstrap.owner.sequence", 7L).containsEntry("bootstrap.attempt", 2);
        Received presence = nextEvent();
        assertThat(presence.topic()).isEqualTo("acct/gw-1/A1/assure/presence");
        assertThat(KuraPayloadProto.decode(presence.payload()).metrics())
                .containsEntry("presence.channel.id", 3L).containsEntry("presence.acknowledged", true)
                .containsEntry("presence.response.code", "2.04");
    }

    @Test
    void givenBadRequestsOverMqtt_whenAnswered_thenEachGetsItsErrorAndNothingChanges() throws Exception {
        long id = channels.create(Channels.management(UUID.randomUUID(), "192.0.2.46", 5684), ChannelOrigin.LOCAL);
        nextEvent();

        assertThat(request("EXEC", "channels/abc/open").metrics()).containsEntry("response.code", 400)
                .containsEntry("response.error", "malformed channel id");
        assertThat(request("EXEC", "channels/99/open").metrics()).containsEntry("response.code", 404);
        assertThat(request("PUT", "channels").metrics()).containsEntry("response.code", 405);
        assertThat(request("GET", "nothing/here").metrics()).containsEntry("response.code", 404);
        assertThat(request("EXEC", "channels/" + id + "/open", Map.of()).metrics())
                .containsEntry("response.code", 403).containsEntry("response.error", "request token missing or wrong");
        assertThat(request("EXEC", "channels/" + id + "/open", Map.of("request.token", "guess")).metrics())
                .containsEntry("response.code", 403);

        assertThat(channels.channel(id).orElseThrow().state()).isEqualTo(ChannelState.CLOSED);
        assertThat(bootstraps).isEmpty();
        assertThat(events.poll(200, TimeUnit.MILLISECONDS)).as("no state change, no event").isNull();
    }

    @Test
    void whateverTheGatewayPublishes_neverContainsTheRequestToken() throws Exception {
        long id = channels.create(Channels.management(UUID.randomUUID(), "192.0.2.47", 5684), ChannelOrigin.LOCAL);
        request("GET", "channels");
        request("EXEC", "channels/" + id + "/open");
        request("EXEC", "channels/" + id + "/open", Map.of("request.token", "wrong"));
        request("GET", "keys");
        nextEvent();
        nextEvent();

        byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
        List<Received> fromGateway = everything.stream()
                .filter(r -> !r.topic().startsWith("$EDC/" + ACCOUNT + "/" + GATEWAY + "/")).toList();
        assertThat(fromGateway).as("events and replies seen by the monitor").hasSizeGreaterThanOrEqualTo(6);
        assertThat(fromGateway).noneMatch(r -> indexOf(r.payload(), token) >= 0);
        // the requests (console to gateway) did carry it: the search itself works
        assertThat(everything).anyMatch(r -> indexOf(r.payload(), token) >= 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
