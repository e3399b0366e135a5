package org.assure.bootstrap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assure.bootstrap.BootstrapListener;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.BootstrapOutcome.Result;
import org.assure.bootstrap.internal.coap.CoapMessageDecoder;
import org.assure.channels.ChannelManager;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ManagedChannel;
import org.assure.channels.internal.BootstrapTestChannels;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsHandshakeException;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PeerKey;
import org.assure.dtls.PskKey;
import org.assure.dtls.PskResolver;
import org.assure.dtls.RawKeyCredentials;
import org.assure.dtls.UdpTransport;
import org.assure.keystore.ChannelKeys;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.Keystore;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.internal.BootstrapTestKeystores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Change of owner (draft §14.7, docs/PROFILE-ADDITIONS.md item 41) with the real keystore, the real channel
 * component and real DTLS on loopback: an image with a higher owner sequence replaces every key but the anchors
 * and every channel in the same atomic bootstrap, so the old owner's keys open nothing any more; the same sequence
 * keeps everything; a failing new owner's image changes nothing.
 */
class OwnerChangeTest {
    private static TestBootstrapServer server;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final Listeners listeners = new Listeners();
    private final List<BootstrapOutcome> outcomes = new ArrayList<>();
    @TempDir
    Path dir;
    private Device device;
    private Keystore keystore;
    private ChannelManager channels;
    private BootstrapClient client;
    private DtlsEngine gatewayServer;
    private DtlsEngine managementClient;

    /** What owner A installed, remembered before the device changes hands. */
    private record Owner(UUID managementKeyId, UUID channelKeyId, ChannelConfiguration channel,
            Optional<org.assure.dtls.ClientCredentials> credentials) {
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestBootstrapServer(Device.ecPair());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private void givenDevice(Device.Kind kind) throws Exception {
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
                applier, (reason, timeout) -> { }, Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(5),
                        Duration.ofMinutes(5), 0, new SplittableRandom(1)), scheduler, scheduler.clock, listeners);
    }

    @AfterEach
    void closeAll() {
        if (managementClient != null) {
            managementClient.close();
        }
        if (gatewayServer != null) {
            gatewayServer.close();
        }
        if (client != null) {
            client.close();
            BootstrapTestChannels.close(channels);
            BootstrapTestKeystores.close(keystore);
        }
    }

    private BootstrapOutcome bootstrap(byte[] image, boolean first) {
        server.images.put(device.deviceId, image);
        int before = outcomes.size();
        if (first) {
            client.startFirstBootstrap();
        } else {
            client.bootstrapNow(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL);
        }
        assertThat(scheduler.runNext()).isTrue();
        assertThat(outcomes).hasSize(before + 1);
        return outcomes.get(before);
    }

    /**
     * Owner A bootstraps the device with owner sequence 1, then A's management system adds a key and a channel of
     * its own (not bootstrap-defined).
     */
    private Owner givenOwnerA(Device.Kind kind) throws Exception {
        givenDevice(kind);
        assertThat(bootstrap(device.image(1), true).succeeded()).isTrue();
        AuthenticatedKey generated = keystore.generateKey(GenerateKeyType.EC_P256, true);
        ChannelConfiguration extra = new ChannelConfiguration(generated.keyId(), Optional.of(device.managementKeyId),
                ChannelFlags.data(true, false), IpAddress.of(InetAddress.getLoopbackAddress(), 0, 5684));
        channels.create(extra, ChannelOrigin.MANAGEMENT);
        assertThat(keystore.key(generated.keyId())).isPresent();
        assertThat(channels.channels()).hasSize(2);
        return new Owner(device.managementKeyId, device.channelKey.keyId(), device.managementChannel,
                Optional.empty());
    }

    private record Snapshot(List<KeyListEntry> keys, List<ManagedChannel> channels, long ownerSequence) {
    }

    private Snapshot snapshot() {
        return new Snapshot(keystore.keyList(), channels.channels(), keystore.ownerSequence());
    }

    private List<UUID> anchorIds() {
        return device.anchors.stream().map(a -> a.keyId()).toList();
    }

    @ParameterizedTest(name = "{0} device")
    @EnumSource(value = Device.Kind.class, names = {"EC", "SHARED_SECRET"})
    void given_owner_a_when_owner_b_bootstraps_with_a_higher_sequence_then_only_anchors_and_b_remain(
            Device.Kind kind) throws Exception {
        Owner a = givenOwnerA(kind);

        device.changeOwner();
        BootstrapOutcome outcome = bootstrap(device.image(2), false);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(keystore.ownerSequence()).isEqualTo(2);
        List<UUID> expected = new ArrayList<>(anchorIds());
        device.imageKeys.forEach(k -> expected.add(k.keyId()));
        expected.add(device.channelKey.keyId());
        assertThat(keystore.keys()).extracting(KeyInfo::keyId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(keystore.key(a.managementKeyId())).isEmpty();
        assertThat(keystore.key(a.channelKeyId())).isEmpty();
        assertThat(channels.channels()).singleElement().satisfies(c -> {
            assertThat(c.configuration()).isEqualTo(device.managementChannel);
            assertThat(c.origin()).isEqualTo(ChannelOrigin.BOOTSTRAP);
        });
        assertThat(device.managementKeyId).isNotEqualTo(a.managementKeyId());
        // The anchors are intact: the device still authenticates itself to the bootstrap server with them.
        assertThat(bootstrap(device.image(3), false).succeeded()).isTrue();
        assertThat(keystore.ownerSequence()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} device")
    @EnumSource(value = Device.Kind.class, names = {"EC", "SHARED_SECRET"})
    void given_owner_a_when_an_image_with_the_same_sequence_is_applied_then_nothing_is_dropped(Device.Kind kind)
            throws Exception {
        Owner a = givenOwnerA(kind);
        List<UUID> keysBefore = keystore.keys().stream().map(KeyInfo::keyId).toList();
        List<ManagedChannel> channelsBefore = channels.channels();

        // Owner A reconfigures: same sequence, a payload that adds nothing.
        BootstrapOutcome outcome = bootstrap(device.image(1, new BootstrapPayload(List.of())), false);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(keystore.ownerSequence()).isEqualTo(1);
        assertThat(keystore.keys()).extracting(KeyInfo::keyId).containsExactlyInAnyOrderElementsOf(keysBefore);
        assertThat(keystore.key(a.managementKeyId())).isPresent();
        assertThat(channels.channels()).extracting(ManagedChannel::configuration)
                .containsExactlyInAnyOrderElementsOf(channelsBefore.stream().map(ManagedChannel::configuration)
                        .toList());
    }

    @ParameterizedTest(name = "{0} device")
    @EnumSource(value = Device.Kind.class, names = {"EC", "SHARED_SECRET"})
    void given_owner_a_when_owner_b_image_fails_to_apply_then_a_keys_and_channels_stay_exactly(Device.Kind kind)
            throws Exception {
        givenOwnerA(kind);
        Snapshot before = snapshot();
        Device stranger = Device.create(Device.Kind.EC, server.keyId, server.keys);

        device.changeOwner();
        // B's channel key and channel, then a key whose signer the device does not know: that message answers 4.03
        // after the wipe and B's additions were staged.
        BootstrapPayload payload = new BootstrapPayload(List.of(device.payload().coapMessages().get(0),
                device.payload().coapMessages().get(1), stranger.payload().coapMessages().get(0)));
        BootstrapOutcome outcome = bootstrap(device.image(2, payload), false);

        assertThat(outcome.result()).isEqualTo(Result.APPLY_FAILED);
        assertThat(snapshot()).isEqualTo(before);
    }

    // ---- real DTLS: the gateway's channel credentials before and after the change of owner ----

    private void startGateway(ChannelKeys channel) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        gatewayServer = DtlsEngine.builder(UdpTransport.ephemeral(loopback), ChannelKind.MANAGEMENT)
                .config(TestBootstrapServer.fastDtls()).serverCredentials(keystore.credentials()
                        .server((peer, name) -> List.of(channel)))
                .start();
        managementClient = DtlsEngine.builder(UdpTransport.ephemeral(loopback), ChannelKind.MANAGEMENT)
                .config(TestBootstrapServer.fastDtls()).start();
    }

    /** What the gateway's DTLS server accepts for the current owner's management channel. */
    private ChannelKeys currentChannelKeys() {
        return device.kind == Device.Kind.SHARED_SECRET
                ? ChannelKeys.psk(device.channelKey.keyId(), device.managementKeyId)
                : ChannelKeys.rawKey(device.channelKey.keyId(), device.managementKeyId);
    }

    /** The current owner's management system as a DTLS client of the gateway's management channel. */
    private ClientCredentials managementSystemCredentials() {
        if (device.kind == Device.Kind.SHARED_SECRET) {
            SecretBytes secret = device.channelSecret;
            PskResolver psk = PskResolver.fixed(PskKey.of(device.channelKey.keyId(), secret));
            return new ClientCredentials(Optional.of(device.managementKeyId), Optional.empty(), Optional.of(psk),
                    Optional.empty());
        }
        OwnKey own = new OwnKey(device.managementKeyId, device.managementKeys.getPublic(),
                device.managementKeys.getPrivate());
        UUID channelKeyId = device.channelKey.keyId();
        return new ClientCredentials(Optional.of(device.managementKeyId), Optional.empty(), Optional.empty(),
                Optional.of(new RawKeyCredentials(own, spki -> Optional.of(new PeerKey(channelKeyId,
                        Optional.of(device.deviceId))))));
    }

    private DtlsSession connect(ClientCredentials credentials) throws Exception {
        return managementClient.connect(gatewayServer.localAddress(), credentials).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0} device")
    @EnumSource(value = Device.Kind.class, names = {"EC", "SHARED_SECRET"})
    void given_owner_b_took_over_when_owner_a_management_system_connects_then_the_handshake_fails(
            Device.Kind kind) throws Exception {
        givenOwnerA(kind);
        ChannelKeys channelA = currentChannelKeys();
        ClientCredentials managementA = managementSystemCredentials();
        startGateway(channelA);
        DtlsSession before = connect(managementA);
        assertThat(before.keyId()).isEqualTo(channelA.localKeyId());
        before.close();

        device.changeOwner();
        assertThat(bootstrap(device.image(2), false).succeeded()).isTrue();

        // The gateway's server is still configured with A's channel (the worst case: a stale directory), yet the
        // keystore no longer holds A's channel key or management key, so no handshake completes.
        assertThatThrownBy(() -> connect(managementA)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DtlsHandshakeException.class);
        assertThatThrownBy(() -> keystore.credentials().client(channelA)).isInstanceOf(KeystoreException.class);

        // B's management system gets through on B's channel.
        gatewayServer.close();
        managementClient.close();
        startGateway(currentChannelKeys());
        assertThat(connect(managementSystemCredentials()).keyId()).isEqualTo(device.channelKey.keyId());
    }
}
