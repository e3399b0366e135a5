package org.assure.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.BootstrapStatus;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.ChannelState;
import org.assure.core.model.EcKey;
import org.assure.core.model.GoodbyeReason;
import org.assure.itests.support.AesGcmCryptoService;
import org.assure.keystore.KeyInfo;
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
    private final InMemoryBootstrapService bootstrapClient = new InMemoryBootstrapService();
    private final List<GoodbyeReason> bootstraps = bootstrapClient.requested;
    private final AesGcmCryptoService crypto = new AesGcmCryptoService();
    private final InMemoryKeystore keystore = new InMemoryKeystore();
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
                new RequestToken(encryptedToken, crypto), () -> Optional.of(channels), () -> Optional.of(bootstrapClient),
                () -> Optional.of(keystore), Clock.fixed(NOW, ZoneOffset.UTC));
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
                () -> Optional.of(empty), Optional::empty, Optional::empty, Clock.fixed(NOW, ZoneOffset.UTC));

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

    @Test
    void whenKeysAreListed_thenEachKeyIsDescribedByIdKindAndFlagsWithoutAnyKeyMaterial() {
        KeyInfo generated = keystore.generatedKey(false);
        keystore.add(generated);

        KuraPayload payload = operations().handle(Verb.GET, request("keys")).getPayload();

        String device = keystore.deviceId.toString();
        String key = generated.keyId().toString();
        assertThat(payload.metrics()).containsEntry("response.code", 200).containsEntry("key.count", 2)
                .containsEntry("key.ids", device + "," + key).containsEntry("device.id", device)
                .containsEntry("key." + device + ".origin", "TRUST_ANCHOR")
                .containsEntry("key." + device + ".identity.class", "DEVICE")
                .containsEntry("key." + device + ".identity.class.code", 4)
                .containsEntry("key." + device + ".private.present", true)
                .containsEntry("key." + key + ".origin", "GENERATED")
                .containsEntry("key." + key + ".identity.class", "CHANNEL")
                .containsEntry("key." + key + ".format", "EC")
                .containsEntry("key." + key + ".persistent", false)
                .containsEntry("key." + key + ".bootstrap.defined", false)
                .containsEntry("key." + key + ".secret.known", false)
                .containsEntry("key." + key + ".owner", device);
        assertThat(payload.metricNames()).doesNotContain("key." + device + ".owner");
        java.util.Set<String> allowed = new java.util.HashSet<>(
                java.util.Set.of("response.code", "device.id", "key.count", "key.ids"));
        for (String id : List.of(device, key)) {
            KEY_FIELDS.forEach(field -> allowed.add("key." + id + "." + field));
        }
        assertThat(allowed).containsAll(payload.metricNames());
        assertNoKeyMaterial(payload, generated);
    }

    /** Every field a key may carry (docs/kura-events.md). */
    static final java.util.Set<String> KEY_FIELDS = java.util.Set.of("id", "identity.class", "identity.class.code",
            "format", "origin", "persistent", "bootstrap.defined", "private.present", "secret.known", "owner");

    /** Neither the public key nor the signature travels: no metric holds any 8-byte run of either. */
    static void assertNoKeyMaterial(KuraPayload payload, KeyInfo key) {
        AuthenticatedKey authenticated = key.authenticated().orElseThrow();
        byte[] publicKey = ((EcKey) authenticated.key()).publicKey().toByteArray();
        List<String> forms = new ArrayList<>();
        for (int i = 0; i + 8 <= publicKey.length; i += 8) {
            byte[] run = java.util.Arrays.copyOfRange(publicKey, i, i + 8);
            forms.add(java.util.HexFormat.of().formatHex(run));
        }
        forms.add(java.util.Base64.getEncoder().encodeToString(publicKey).substring(40, 60));
        assertThat(payload.metrics().values()).allSatisfy(value -> {
            assertThat(value).isNotInstanceOf(byte[].class);
            assertThat(forms).noneMatch(form -> value.toString().toLowerCase(java.util.Locale.ROOT)
                    .contains(form.toLowerCase(java.util.Locale.ROOT)));
        });
    }

    @Test
    void givenAKnownResourceWithTheWrongVerb_whenKeysAreDeleted_thenMethodNotAllowed() {
        assertThat(code(operations().handle(Verb.DEL, request("keys")))).isEqualTo(405);
        assertThat(code(operations().handle(Verb.GET, request("keys", "x")))).isEqualTo(404);
    }

    @Test
    void givenABootstrapThatFailed_whenTheStatusIsAsked_thenPhaseNextAttemptAndLastOutcomeAreShown() {
        BootstrapOutcome last = BootstrapOutcome.failed(NOW.minusSeconds(5), BootstrapOutcome.Result.UNREACHABLE,
                "no answer", 3, Duration.ofSeconds(40));
        bootstrapClient.status = new BootstrapStatus(BootstrapStatus.Phase.WAITING_TO_RETRY, Optional.of(last),
                Optional.of(NOW.plusSeconds(35)));

        KuraPayload payload = operations().handle(Verb.GET, request("bootstrap")).getPayload();

        assertThat(payload.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of("response.code", 200,
                "bootstrap.phase", "WAITING_TO_RETRY", "bootstrap.next.attempt", NOW.plusSeconds(35).toEpochMilli(),
                "bootstrap.last.at", NOW.minusSeconds(5).toEpochMilli(), "bootstrap.result", "UNREACHABLE",
                "bootstrap.succeeded", false, "bootstrap.reason", "no answer", "bootstrap.attempt", 3,
                "bootstrap.retry.seconds", 40L));
        assertThat(bootstraps).as("asking changes nothing").isEmpty();
    }

    @Test
    void givenNoBootstrapYet_whenTheStatusIsAsked_thenOnlyThePhaseIsShown() {
        KuraPayload payload = operations(false, null).handle(Verb.GET, request("bootstrap")).getPayload();

        assertThat(payload.metrics()).containsExactlyInAnyOrderEntriesOf(
                Map.of("response.code", 200, "bootstrap.phase", "IDLE"));
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
        assertThat(code(operations().handle(Verb.PUT, request("bootstrap")))).isEqualTo(405);

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
                Optional::empty, Optional::empty, Optional::empty, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(code(bare.handle(Verb.GET, request("channels")))).isEqualTo(503);
        assertThat(code(bare.handle(Verb.EXEC, request("bootstrap")))).isEqualTo(503);
        KuraMessage keys = bare.handle(Verb.GET, request("keys"));
        assertThat(code(keys)).isEqualTo(503);
        assertThat(keys.getPayload().getMetric("response.error")).isEqualTo("keystore not available");
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
