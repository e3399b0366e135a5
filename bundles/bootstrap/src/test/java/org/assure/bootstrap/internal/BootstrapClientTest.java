package org.assure.bootstrap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.assure.bootstrap.BootstrapListener;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.BootstrapOutcome.Result;
import org.assure.bootstrap.BootstrapStatus.Phase;
import org.assure.bootstrap.internal.coap.CoapMessageDecoder;
import org.assure.channels.ChannelOrigin;
import org.assure.core.bootstrap.BootstrapException.Reason;
import org.assure.channels.ManagedChannel;
import org.assure.core.cbor.BootstrapImageCodec;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.IdentityClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assure.channels.ChannelManager;
import org.assure.channels.internal.BootstrapTestChannels;
import org.assure.core.model.KeyListEntry;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.Keystore;
import org.assure.keystore.internal.BootstrapTestKeystores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bootstrap client end to end: real DTLS and CoAP on loopback to a test bootstrap server, core's opener, the
 * apply into a keystore transaction and a channel staging; time and retries driven by a manual scheduler.
 */
class BootstrapClientTest {
    private static TestBootstrapServer ecServer;
    private static TestBootstrapServer rsaServer;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final Listeners listeners = new Listeners();
    private final List<BootstrapOutcome> outcomes = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    @TempDir
    Path dir;
    private TestBootstrapServer server;
    private Device device;
    private Keystore keystore;
    private ChannelManager channels;
    private BootstrapClient client;

    @BeforeAll
    static void startServers() throws Exception {
        ecServer = new TestBootstrapServer(Device.ecPair());
        rsaServer = new TestBootstrapServer(Device.rsaPair());
    }

    @AfterAll
    static void stopServers() {
        ecServer.close();
        rsaServer.close();
    }

    private void givenDevice(Device.Kind kind, double jitter) throws Exception {
        server = kind == Device.Kind.RSA ? rsaServer : ecServer;
        device = server.device(kind);
        keystore = BootstrapTestKeystores.open(dir.resolve("keystore"), device.deviceId, device.deviceAnchor(),
                device.trustedAuthorityAnchor(), device.bootstrapServerId);
        channels = BootstrapTestChannels.open(keystore);
        listeners.add(new BootstrapListener() {
            @Override
            public void bootstrapFinished(BootstrapOutcome outcome) {
                outcomes.add(outcome);
            }
        });
        ImageApplier applier = new ImageApplier(keystore, channels,
                new DeviceManagementReplay(BootstrapTestChannels.api(channels)), new CoapMessageDecoder(),
                Optional::empty);
        client = new BootstrapClient(server::address, () -> device.deviceId, CoapImageFetcherTest.fetcherFor(device),
                applier, (reason, timeout) -> events.add("goodbye " + reason + " after " + server.requests.get()
                        + " requests"),
                Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), jitter,
                        new SplittableRandom(1)), scheduler, scheduler.clock, listeners);
    }

    @AfterEach
    void closeStores() {
        if (client != null) {
            client.close();
            BootstrapTestChannels.close(channels);
            BootstrapTestKeystores.close(keystore);
        }
    }

    private BootstrapOutcome runAttempt() {
        int before = outcomes.size();
        assertThat(scheduler.runNext()).isTrue();
        assertThat(outcomes).hasSize(before + 1);
        return outcomes.get(before);
    }

    /** Keys, channels and owner sequence, to compare before and after. */
    private record Snapshot(List<KeyListEntry> keys, List<ManagedChannel> channels, long ownerSequence) {
    }

    private Snapshot snapshot() {
        return new Snapshot(keystore.keyList(), channels.channels(), keystore.ownerSequence());
    }

    private void givenBootstrapped(long sequence) throws Exception {
        server.images.put(device.deviceId, device.image(sequence));
        client.startFirstBootstrap();
        assertThat(runAttempt().succeeded()).isTrue();
    }

    @ParameterizedTest(name = "{0} device")
    @EnumSource(Device.Kind.class)
    void given_a_new_device_when_it_starts_then_it_bootstraps_and_applies_keys_channels_and_owner_sequence(
            Device.Kind kind) throws Exception {
        givenDevice(kind, 0.2);
        server.images.put(device.deviceId, device.image(3));

        client.startFirstBootstrap();
        BootstrapOutcome outcome = runAttempt();

        assertThat(outcome.result()).isEqualTo(Result.SUCCEEDED);
        assertThat(outcome.ownerSequence()).hasValue(3);
        assertThat(keystore.ownerSequence()).isEqualTo(3);
        assertThat(keystore.keys()).extracting(KeyInfo::keyId).containsAll(
                device.imageKeys.stream().map(k -> k.keyId()).toList()).contains(device.channelKey.keyId());
        assertThat(keystore.key(device.channelKey.keyId())).hasValueSatisfying(
                k -> assertThat(k.bootstrapDefined()).isTrue());
        assertThat(channels.channels()).singleElement().satisfies(c -> {
            assertThat(c.configuration()).isEqualTo(device.managementChannel);
            assertThat(c.origin()).isEqualTo(ChannelOrigin.BOOTSTRAP);
        });
        assertThat(client.status().phase()).isEqualTo(Phase.IDLE);
        assertThat(client.status().last()).contains(outcome);
        assertThat(scheduler.nextDelay()).isEmpty();
        assertThat(events).isEmpty();
    }

    /** Bad images and the check of PROFILE §5 that must catch each. */
    enum BadImage {
        TAMPERED(Reason.IMAGE_SIGNATURE),
        OLDER_OWNER_SEQUENCE(Reason.OWNER_SEQUENCE_REPLAYED),
        FOR_ANOTHER_DEVICE(Reason.OWNER_SIGNATURE),
        SIGNED_BY_BOOTSTRAP_SERVICE_KEY(Reason.IMAGE_SIGNATURE),
        SIGNED_BY_DEVICE_CLASS_KEY(Reason.IMAGE_SIGNATURE),
        SERVER_KEY_MISSING(Reason.BOOTSTRAP_SERVER_NOT_CONFIRMED),
        SERVER_KEY_AS_MANAGEMENT_CLASS(Reason.BOOTSTRAP_SERVER_NOT_CONFIRMED);

        final Reason expected;

        BadImage(Reason expected) {
            this.expected = expected;
        }
    }

    private byte[] bad(BadImage kind) throws Exception {
        return switch (kind) {
            case TAMPERED -> {
                BootstrapImage image = BootstrapImageCodec.decode(device.image(5));
                byte[] payload = image.encryptedPayload().toByteArray();
                payload[payload.length / 2] ^= 0x01;
                yield BootstrapImageCodec.encode(new BootstrapImage(image.keys(), image.owner(),
                        image.decryptionKeyId(), Bytes.of(payload), image.signature()));
            }
            case OLDER_OWNER_SEQUENCE -> device.image(1);
            case FOR_ANOTHER_DEVICE -> device.imageOwnedBy(UUID.randomUUID(), 5);
            case SIGNED_BY_BOOTSTRAP_SERVICE_KEY -> device.imageSignedAsClass(IdentityClass.BOOTSTRAP_SERVICE, 5);
            case SIGNED_BY_DEVICE_CLASS_KEY -> device.imageSignedAsClass(IdentityClass.DEVICE, 5);
            case SERVER_KEY_MISSING -> device.imageWithServerKeyAs(Optional.empty(), 5);
            case SERVER_KEY_AS_MANAGEMENT_CLASS -> device.imageWithServerKeyAs(
                    Optional.of(IdentityClass.MANAGEMENT_SYSTEM), 5);
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadImage.class)
    void given_a_bootstrapped_device_when_a_bad_image_arrives_then_it_is_rejected_and_nothing_changes(BadImage kind)
            throws Exception {
        givenDevice(Device.Kind.EC, 0.2);
        givenBootstrapped(2);
        Snapshot before = snapshot();
        server.images.put(device.deviceId, bad(kind));

        client.bootstrapNow(GoodbyeReason.BOOTSTRAP_BY_MANAGEMENT);
        BootstrapOutcome outcome = runAttempt();

        assertThat(outcome.result()).isEqualTo(Result.REJECTED);
        assertThat(outcome.reason()).isEqualTo(kind.expected.text());
        assertThat(snapshot()).isEqualTo(before);
        assertThat(client.status().phase()).isEqualTo(Phase.WAITING_TO_RETRY);
    }

    @Test
    void given_a_message_the_local_api_refuses_when_applied_then_everything_rolls_back() throws Exception {
        givenDevice(Device.Kind.EC, 0.2);
        givenBootstrapped(2);
        Snapshot before = snapshot();
        // A fresh channel, then a key whose signer the device does not know: the second message answers 4.03.
        Device stranger = Device.create(Device.Kind.EC, server.keyId, server.keys);
        BootstrapPayload payload = new BootstrapPayload(List.of(device.payload().coapMessages().get(0),
                device.payload().coapMessages().get(1), stranger.payload().coapMessages().get(0)));
        server.images.put(device.deviceId, device.image(4, payload));

        client.bootstrapNow(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL);
        BootstrapOutcome outcome = runAttempt();

        assertThat(outcome.result()).isEqualTo(Result.APPLY_FAILED);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void given_the_keystore_cannot_write_when_committing_then_keys_channels_and_owner_sequence_stay()
            throws Exception {
        givenDevice(Device.Kind.SHARED_SECRET, 0.2);
        server.images.put(device.deviceId, device.image(1));
        // A directory where the keystore writes its new state: the write fails as on a broken disk.
        Files.createDirectories(dir.resolve("keystore").resolve(BootstrapTestKeystores.STORE_FILE
                + BootstrapTestKeystores.TEMP_SUFFIX).resolve("blocked"));
        Snapshot before = snapshot();

        client.startFirstBootstrap();
        BootstrapOutcome outcome = runAttempt();

        assertThat(outcome.result()).isEqualTo(Result.APPLY_FAILED);
        assertThat(snapshot()).isEqualTo(before);
        deleteTree(dir.resolve("keystore").resolve(BootstrapTestKeystores.STORE_FILE
                + BootstrapTestKeystores.TEMP_SUFFIX));
        assertThat(runAttempt().succeeded()).as("the retry succeeds").isTrue();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void given_the_server_refuses_when_attempts_fail_then_retries_back_off_exponentially_up_to_the_cap()
            throws Exception {
        givenDevice(Device.Kind.EC, 0);

        client.startFirstBootstrap();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            BootstrapOutcome outcome = runAttempt();
            assertThat(outcome.result()).isEqualTo(Result.REFUSED);
            assertThat(outcome.attempt()).isEqualTo(i + 1);
            assertThat(outcome.retryIn()).isEqualTo(scheduler.nextDelay());
            assertThat(client.status().phase()).isEqualTo(Phase.WAITING_TO_RETRY);
            assertThat(client.status().nextAttempt()).contains(scheduler.clock.instant().plus(delays.size() < 0
                    ? Duration.ZERO : scheduler.nextDelay().orElseThrow()));
            delays.add(scheduler.nextDelay().orElseThrow());
        }
        assertThat(delays).extracting(Duration::toSeconds).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L);

        server.images.put(device.deviceId, device.image(0));
        BootstrapOutcome success = runAttempt();
        assertThat(success.succeeded()).isTrue();
        assertThat(success.attempt()).isEqualTo(9);
        assertThat(scheduler.nextDelay()).isEmpty();
    }

    @Test
    void given_jitter_when_many_devices_fail_together_then_their_retries_spread_within_bounds() throws Exception {
        givenDevice(Device.Kind.EC, 0.5);

        client.startFirstBootstrap();
        runAttempt();
        runAttempt();
        Duration delay = scheduler.nextDelay().orElseThrow();

        assertThat(delay).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void given_a_management_request_when_bootstrapping_then_goodbye_is_said_before_the_server_is_asked()
            throws Exception {
        givenDevice(Device.Kind.EC, 0.2);
        givenBootstrapped(1);
        int requestsBefore = server.requests.get();
        server.images.put(device.deviceId, device.image(2));

        client.bootstrapSoon(GoodbyeReason.BOOTSTRAP_BY_MANAGEMENT);
        assertThat(client.status().phase()).isEqualTo(Phase.RUNNING);
        BootstrapOutcome outcome = runAttempt();

        assertThat(outcome.succeeded()).isTrue();
        assertThat(events).containsExactly("goodbye " + GoodbyeReason.BOOTSTRAP_BY_MANAGEMENT + " after "
                + requestsBefore + " requests");
        assertThat(keystore.ownerSequence()).isEqualTo(2);
    }

    @Test
    void given_a_pending_retry_when_a_bootstrap_is_requested_then_it_runs_at_once_and_the_count_restarts()
            throws Exception {
        givenDevice(Device.Kind.EC, 0);
        client.startFirstBootstrap();
        runAttempt();
        runAttempt();
        assertThat(scheduler.nextDelay()).contains(Duration.ofSeconds(10));

        client.bootstrapNow(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL);

        assertThat(scheduler.nextDelay()).contains(Duration.ZERO);
        assertThat(runAttempt().attempt()).isEqualTo(1);
    }

    @Test
    void given_a_closed_client_when_its_retry_would_run_then_nothing_runs() throws Exception {
        givenDevice(Device.Kind.EC, 0);
        client.startFirstBootstrap();
        runAttempt();

        client.close();

        assertThat(scheduler.runNext()).isFalse();
    }
}
