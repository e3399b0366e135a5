package org.assure.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assure.channels.BootstrapTrigger;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.ChannelState;
import org.assure.core.model.GoodbyeReason;
import org.assure.kura.internal.RemoteOperations.Verb;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.message.KuraPayload;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteOperationsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T16:30:00Z");
    private static final String TOKEN = "correct horse battery staple";

    private final InMemoryChannelManager channels = new InMemoryChannelManager();
    private final List<GoodbyeReason> bootstraps = new ArrayList<>();
    private final BootstrapTrigger trigger = bootstraps::add;
    private final AesGcmCryptoService crypto = new AesGcmCryptoService();
    private long first;
    private long second;

    @BeforeEach
    void givenTwoChannels() throws Exception {
        first = channels.create(Channels.management(UUID.randomUUID(), "192.0.2.1", 5684), ChannelOrigin.BOOTSTRAP);
        second = channels.create(Channels.data(UUID.randomUUID(), UUID.randomUUID(), "192.0.2.2", 5685),
                ChannelOrigin.MANAGEMENT);
    }

    private RemoteOperations operations(boolean remoteChanges, String encryptedToken) {
        return new RemoteOperations(new RequestSettings("ASSURE-V1", remoteChanges),
                new RequestToken(encryptedToken, crypto), () -> Optional.of(channels), () -> Optional.of(trigger),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private RemoteOperations operations() {
        return operations(true, null);
    }

    static KuraMessage request(List<?> args, Map<String, Object> metrics) {
        KuraPayload payload = new KuraPayload();
        payload.addMetric("request.id", "1234");
        payload.addMetric("requester.client.id", "console");
        metrics.forEach(payload::addMetric);
        return new KuraMessage(payload, args == null ? Map.of() : Map.of("args", args));
    }

    static KuraMessage request(String... args) {
        return request(List.of(args), Map.of());
    }

    private static Object code(KuraMessage reply) {
        return reply.getPayload().getMetric("response.code");
    }

    private List<ManagedChannel> snapshot() {
        return channels.channels();
    }

    @Test
    void whenChannelsAreListed_thenEachChannelIsDescribedUnderItsId() {
        KuraMessage reply = operations().handle(Verb.GET, request("channels"));

        KuraPayload payload = reply.getPayload();
        assertThat(payload.getTimestamp()).isEqualTo(Date.from(NOW));
        assertThat(payload.getMetric("response.code")).isEqualTo(200);
        assertThat(payload.getMetric("channel.count")).isEqualTo(2);
        assertThat(payload.getMetric("channel.ids")).isEqualTo(first + "," + second);
        assertThat(payload.getMetric("channel." + first + ".origin")).isEqualTo("BOOTSTRAP");
        assertThat(payload.getMetric("channel." + second + ".state")).isEqualTo("CLOSED");
        assertThat(payload.getMetric("channel." + second + ".address")).isEqualTo("192.0.2.2:5685");
        assertThat(payload.metricNames()).allMatch(name -> name.startsWith("channel.") || name.equals("response.code"));
    }

    @Test
    void givenNoChannels_whenListed_thenTheListIsEmpty() {
        InMemoryChannelManager empty = new InMemoryChannelManager();
        RemoteOperations operations = new RemoteOperations(new RequestSettings("A", true), new RequestToken("", crypto),
                () -> Optional.of(empty), Optional::empty, Clock.fixed(NOW, ZoneOffset.UTC));

        KuraPayload payload = operations.handle(Verb.GET, request("channels")).getPayload();

        assertThat(payload.metrics()).containsExactlyInAnyOrderEntriesOf(
                Map.of("response.code", 200, "channel.count", 0, "channel.ids", ""));
    }

    @Test
    void whenOneChannelIsAsked_thenItIsDescribedWithTheEventMetricNames() {
        KuraPayload payload = operations().handle(Verb.GET, request("channels", Long.toString(second))).getPayload();

        assertThat(payload.getMetric("response.code")).isEqualTo(200);
        assertThat(payload.getMetric("channel.id")).isEqualTo(second);
        assertThat(payload.getMetric("channel.address.type")).isEqualTo("IP");
        assertThat(CloudEventPublisherTest.CHANNEL_EVENT_METRICS).containsAll(
                payload.metricNames().stream().filter(n -> !n.equals("response.code")).toList());
    }

    @Test
    void whenAChannelIsOpenedAndClosed_thenTheManagerIsAskedAndTheReplyShowsTheNewState() {
        KuraMessage opened = operations().handle(Verb.EXEC, request("channels", Long.toString(first), "open"));

        assertThat(code(opened)).isEqualTo(200);
        assertThat(opened.getPayload().getMetric("channel.state")).isEqualTo("OPEN_REQUESTED");
        assertThat(channels.channel(first).orElseThrow().state()).isEqualTo(ChannelState.OPEN_REQUESTED);

        KuraMessage closed = operations().handle(Verb.EXEC, request("channels", Long.toString(first), "close"));

        assertThat(code(closed)).isEqualTo(200);
        assertThat(channels.channel(first).orElseThrow().state()).isEqualTo(ChannelState.CLOSED);
    }

    @Test
    void whenABootstrapIsRequested_thenItIsTriggeredAsALocalControlBootstrap() {
        KuraMessage reply = operations().handle(Verb.EXEC, request("bootstrap"));

        assertThat(code(reply)).isEqualTo(200);
        assertThat(reply.getPayload().getMetric("bootstrap.scheduled")).isEqualTo(true);
        assertThat(bootstraps).containsExactly(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "+1", "01", " 1", "4294967296", "99999999999", "", "1.0", "0x1"})
    void givenAMalformedChannelId_whenOpened_thenBadRequestAndNothingChanged(String id) {
        List<ManagedChannel> before = snapshot();

        KuraMessage reply = operations().handle(Verb.EXEC, request("channels", id, "open"));

        assertThat(code(reply)).isEqualTo(400);
        assertThat(reply.getPayload().getMetric("response.error")).isEqualTo("malformed channel id");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void givenTheLargestChannelId_whenAsked_thenItIsWellFormedButUnknown() {
        assertThat(code(operations().handle(Verb.GET, request("channels", "4294967295")))).isEqualTo(404);
        assertThat(code(operations().handle(Verb.GET, request("channels", "0")))).isEqualTo(404);
    }

    @Test
    void givenAnUnknownChannel_whenOpened_thenNotFoundAndNothingChanged() {
        List<ManagedChannel> before = snapshot();

        KuraMessage reply = operations().handle(Verb.EXEC, request("channels", "77", "open"));

        assertThat(code(reply)).isEqualTo(404);
        assertThat(reply.getPayload().getMetric("response.error")).isEqualTo("no such channel");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void givenTheManagerIsBusyWithABootstrap_whenAChannelIsOpened_thenServiceUnavailable() {
        channels.setBusy(true);

        KuraMessage reply = operations().handle(Verb.EXEC, request("channels", Long.toString(first), "open"));

        assertThat(code(reply)).isEqualTo(503);
        assertThat(channels.channel(first).orElseThrow().state()).isEqualTo(ChannelState.CLOSED);
    }

    @Test
    void givenUnknownResources_whenRequested_thenNotFound() {
        assertThat(code(operations().handle(Verb.GET, request()))).isEqualTo(404);
        assertThat(code(operations().handle(Verb.GET, request("keyz")))).isEqualTo(404);
        assertThat(code(operations().handle(Verb.EXEC, request("channels", "1", "reboot")))).isEqualTo(404);
        assertThat(code(operations().handle(Verb.GET, request("channels", "1", "open", "now")))).isEqualTo(404);
        assertThat(code(operations().handle(Verb.EXEC, request("Channels", "1", "open")))).isEqualTo(404);
    }

    @Test
    void givenAKnownResourceWithTheWrongVerb_whenRequested_thenMethodNotAllowedAndNothingChanged() {
        List<ManagedChannel> before = snapshot();

        assertThat(code(operations().handle(Verb.PUT, request("channels")))).isEqualTo(405);
        assertThat(code(operations().handle(Verb.DEL, request("channels", Long.toString(first))))).isEqualTo(405);
        assertThat(code(operations().handle(Verb.GET, request("channels", Long.toString(first), "open"))))
                .isEqualTo(405);
        assertThat(code(operations().handle(Verb.POST, request("bootstrap")))).isEqualTo(405);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(bootstraps).isEmpty();
    }

    @Test
    void givenAMissingOrMalformedPath_whenRequested_thenBadRequest() {
        assertThat(code(operations().handle(Verb.GET, request(null, Map.of())))).isEqualTo(400);
        assertThat(code(operations().handle(Verb.GET, request(List.of("channels", 1), Map.of())))).isEqualTo(400);
        KuraMessage notAList = new KuraMessage(new KuraPayload(), Map.of("args", "channels"));
        assertThat(code(operations().handle(Verb.GET, notAList))).isEqualTo(400);
        assertThat(code(operations().handle(Verb.GET, null))).isEqualTo(400);
    }

    @Test
    void givenRemoteChangesDisabled_whenAChangeIsRequested_thenForbiddenAndNothingChanged() {
        List<ManagedChannel> before = snapshot();
        RemoteOperations readOnly = operations(false, null);

        KuraMessage open = readOnly.handle(Verb.EXEC, request("channels", Long.toString(first), "open"));
        KuraMessage bootstrap = readOnly.handle(Verb.EXEC, request("bootstrap"));
        KuraMessage list = readOnly.handle(Verb.GET, request("channels"));

        assertThat(code(open)).isEqualTo(403);
        assertThat(open.getPayload().getMetric("response.error")).isEqualTo("remote changes are disabled");
        assertThat(code(bootstrap)).isEqualTo(403);
        assertThat(code(list)).isEqualTo(200);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(bootstraps).isEmpty();
    }

    @Test
    void givenNoChannelManagerOrBootstrapClient_whenRequested_thenServiceUnavailable() {
        RemoteOperations bare = new RemoteOperations(new RequestSettings("A", true), new RequestToken(null, crypto),
                Optional::empty, Optional::empty, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(code(bare.handle(Verb.GET, request("channels")))).isEqualTo(503);
        assertThat(code(bare.handle(Verb.EXEC, request("bootstrap")))).isEqualTo(503);
    }

    @Test
    void givenATokenIsConfigured_whenRequestsCarryNoneOrAWrongOne_thenForbiddenAndNothingChanged() throws Exception {
        RemoteOperations guarded = operations(true, crypto.encrypt(TOKEN));
        List<ManagedChannel> before = snapshot();

        KuraMessage none = guarded.handle(Verb.EXEC, request("bootstrap"));
        KuraMessage wrong = guarded.handle(Verb.EXEC,
                request(List.of("channels", Long.toString(first), "open"), Map.of("request.token", TOKEN + " ")));
        KuraMessage wrongType = guarded.handle(Verb.GET,
                request(List.of("channels"), Map.of("request.token", TOKEN.getBytes())));

        assertThat(List.of(none, wrong, wrongType)).allSatisfy(reply -> {
            assertThat(code(reply)).isEqualTo(403);
            assertThat(reply.getPayload().getMetric("response.error")).isEqualTo("request token missing or wrong");
        });
        assertThat(snapshot()).isEqualTo(before);
        assertThat(bootstraps).isEmpty();
    }

    @Test
    void givenATokenIsConfigured_whenARequestCarriesIt_thenItIsServedAndTheTokenIsNotInTheReply() throws Exception {
        RemoteOperations guarded = operations(true, crypto.encrypt(TOKEN));

        KuraMessage reply = guarded.handle(Verb.GET, request(List.of("channels"), Map.of("request.token", TOKEN)));

        assertThat(code(reply)).isEqualTo(200);
        assertThat(reply.getPayload().metrics().values()).noneMatch(v -> v.toString().contains(TOKEN));
        assertThat(reply.getProperties().values()).noneMatch(v -> v.toString().contains(TOKEN));
    }

    @Test
    void givenATokenEncryptedWithAnotherGatewaysKey_whenARequestArrives_thenItIsRefusedAndNothingChanged()
            throws Exception {
        String foreign = new AesGcmCryptoService().encrypt(TOKEN);
        RemoteOperations guarded = operations(true, foreign);

        KuraMessage reply = guarded.handle(Verb.EXEC, request(List.of("bootstrap"), Map.of("request.token", TOKEN)));

        assertThat(code(reply)).isEqualTo(500);
        assertThat(reply.getPayload().getMetric("response.error")).isEqualTo("request token cannot be decrypted");
        assertThat(bootstraps).isEmpty();
    }

    @Test
    void givenAnEmptyTokenEncrypted_whenARequestArrives_thenNoTokenIsRequired() throws Exception {
        RemoteOperations open = operations(true, crypto.encrypt(""));

        assertThat(code(open.handle(Verb.GET, request("channels")))).isEqualTo(200);
    }

    @Test
    void theTokenNeverShowsInToString() throws Exception {
        RequestToken token = new RequestToken(crypto.encrypt(TOKEN), crypto);

        assertThat(token.toString()).isEqualTo("RequestToken[set]");
        assertThat(new RequestToken(null, crypto).toString()).isEqualTo("RequestToken[none]");
    }

    @Test
    void givenBadSettings_whenValidated_thenThePropertyIsNamed() {
        for (String bad : List.of("", "A/B", "A+", "#", "x".repeat(65), "A.B")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestSettings(bad, true))
                    .hasMessageContaining("app.id");
        }
        EqualsVerifier.forClass(RequestSettings.class).withNonnullFields("appId").verify();
    }
}
