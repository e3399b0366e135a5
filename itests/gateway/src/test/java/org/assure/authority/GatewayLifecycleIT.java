package org.assure.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.assure.authority.internal.http.OwnerApiClient;
import org.assure.authority.internal.http.TlsContexts;
import org.assure.authority.internal.mgmt.Registrar;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelState;
import org.assure.core.model.GoodbyeReason;
import org.assure.itests.gateway.Factory;
import org.assure.itests.gateway.Gateway;
import org.assure.itests.gateway.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole lifecycle with the real gateway bundles (keystore, channels over the IP transport, bootstrap client,
 * wired as their DS components) against a real Trusted Authority and two real management servers, all over
 * loopback UDP/TCP in this JVM: manufacture (EC and shared-secret) → the installer registers them at the first
 * owner's management server (claim, image built and uploaded) → each gateway's bootstrap client fetches the image
 * over DTLS and applies it → presence → the management server issues a data channel and pushes it over DTLS to
 * both gateways → the channel opens and a CoAP ping crosses it → transfer to a second owner → the gateways
 * bootstrap again → presence at the new owner, a new channel works → the old owner's management key opens
 * nothing: its pushes fail on both gateways and the gateways hold no key of it.
 */
class GatewayLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static Path dir;
    private static TrustedAuthorityServer ta;
    private static ManagementServer oldOwner;
    private static ManagementServer newOwner;
    private static Factory factory;
    private static int dataPort;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("assure-gateway-e2e");
        TlsContexts.ClientKey maker = Factory.manufacturerCertificate();
        ta = TrustedAuthorityServer.start(AuthoritySettings.embedded(dir.resolve("ta"), 0, 0, List.of(maker.certificate())));
        dataPort = Ports.commonFreePort("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.7");
        oldOwner = ManagementServer.start(ManagementSettings.embedded(dir.resolve("old"), ta.httpsUri(),
                ta.caCertificate(), 0, "installer", "installer-old", new InetSocketAddress("127.0.0.1", Ports.freeUdpPort()))
                .withDeviceDataPort(dataPort));
        newOwner = ManagementServer.start(ManagementSettings.embedded(dir.resolve("new"), ta.httpsUri(),
                ta.caCertificate(), 0, "installer", "installer-new", new InetSocketAddress("127.0.0.1", Ports.freeUdpPort()))
                .withDeviceDataPort(dataPort));
        factory = new Factory(ta, maker, dir.resolve("factory"));
    }

    @AfterAll
    static void stop() {
        if (newOwner != null) {
            newOwner.close();
        }
        if (oldOwner != null) {
            oldOwner.close();
        }
        if (ta != null) {
            ta.close();
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what.get());
            }
            Thread.sleep(100);
        }
    }

    private Gateway gateway(Factory.Device device, String address) throws Exception {
        return new Gateway(dir.resolve("gw-" + device.id()), address, dataPort, device.identityFile(),
                device.passphrase(), ta.bootstrapAddress()).start();
    }

    private static void awaitPresent(ManagementServer server, Gateway gateway) throws InterruptedException {
        await(() -> {
            try {
                return server.registrar().status(gateway.id()).status() == Registrar.PRESENT;
            } catch (AuthorityException e) {
                return false;
            }
        }, () -> "presence of " + gateway.id() + " at " + server.mgmtId() + " (gateway: " + gateway.describe() + ")");
    }

    /** Waits until both ends hold an open data channel to each other; answers A's. */
    private static ManagedChannel awaitOpenChannel(Gateway a, Gateway b) throws InterruptedException {
        await(() -> a.dataChannelTo(b).map(c -> c.state() == ChannelState.OPEN).orElse(false)
                && b.dataChannelTo(a).map(c -> c.state() == ChannelState.OPEN).orElse(false),
                "data channel open between " + a.id() + " and " + b.id());
        return a.dataChannelTo(b).orElseThrow();
    }

    private static void pingCrosses(Gateway from, ManagedChannel channel) throws Exception {
        byte[] text = ("ping " + channel.id()).getBytes(StandardCharsets.UTF_8);
        ManagementResponse pong = from.channels().send(channel.id(), new ManagementRequest(ManagementMethod.GET,
                List.of("v1", "ping"), List.of(), OptionalInt.of(0), Bytes.of(text))).toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
        assertThat(pong.status()).isEqualTo(ManagementStatus.CONTENT);
        assertThat(pong.payload().toByteArray()).isEqualTo(text);
    }

    @Test
    void ec_and_shared_secret_gateways_bootstrap_get_a_pushed_channel_ping_over_it_and_lock_out_their_old_owner()
            throws Exception {
        Factory.Device ecDevice = factory.make(Factory.Kind.EC);
        Factory.Device secretDevice = factory.make(Factory.Kind.SHARED_SECRET);
        assertThat(Factory.register(oldOwner, "installer-old", ecDevice)).isEqualTo(201);
        assertThat(Factory.register(oldOwner, "installer-old", secretDevice)).isEqualTo(201);

        try (Gateway a = gateway(ecDevice, "127.0.0.2"); Gateway b = gateway(secretDevice, "127.0.0.3")) {
            assertThat(a.id()).isEqualTo(ecDevice.id());
            awaitPresent(oldOwner, a);
            awaitPresent(oldOwner, b);
            assertThat(a.keystore().ownerSequence()).isEqualTo(1);
            assertThat(b.keystore().ownerSequence()).isEqualTo(1);

            // §13: EC with a shared-secret device → a channel key derived for both, pushed over DTLS to each.
            ChannelIssuance issued = oldOwner.issueChannel(a.id(), b.id());
            assertThat(issued.deviceErrors()).isEmpty();
            assertThat(issued.complete()).isTrue();
            assertThat(issued.channels()).singleElement().extracting(IssuedChannel::kind)
                    .isEqualTo(ChannelCase.CHANNEL_KEY);
            ManagedChannel first = awaitOpenChannel(a, b);
            pingCrosses(a, first);
            pingCrosses(b, b.dataChannelTo(a).orElseThrow());

            // Change of owner (§14.7): the old owner transfers through the Owner API, the new owner's installer
            // registers them (claim + image), the gateways bootstrap again (local control: the installer's button).
            OwnerApiClient oldOwnerApi = new OwnerApiClient(ta.httpsUri(), List.of(ta.caCertificate()),
                    Optional.of(new TlsContexts.ClientKey(oldOwner.identity().key().pair().getPrivate(),
                            oldOwner.identity().certificate())));
            oldOwnerApi.transfer(a.id(), newOwner.mgmtId());
            oldOwnerApi.transfer(b.id(), newOwner.mgmtId());
            assertThat(Factory.register(newOwner, "installer-new", ecDevice)).isEqualTo(201);
            assertThat(Factory.register(newOwner, "installer-new", secretDevice)).isEqualTo(201);
            a.bootstrap().bootstrapNow(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL);
            b.bootstrap().bootstrapNow(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL);
            awaitPresent(newOwner, a);
            awaitPresent(newOwner, b);
            assertThat(a.keystore().ownerSequence()).isEqualTo(2);
            assertThat(b.keystore().ownerSequence()).isEqualTo(2);

            // Everything the old owner installed is gone from the gateways: its key and its data channel.
            assertThat(a.keystore().key(oldOwner.keyId())).isEmpty();
            assertThat(a.dataChannelTo(b)).isEmpty();
            assertThat(b.dataChannelTo(a)).isEmpty();

            // The new owner's channel works ...
            ChannelIssuance again = newOwner.issueChannel(a.id(), b.id());
            assertThat(again.deviceErrors()).isEmpty();
            assertThat(again.complete()).isTrue();
            pingCrosses(a, awaitOpenChannel(a, b));

            // ... and the old owner's management key opens no management session to either gateway any more:
            // every push it tries fails at the DTLS handshake, nothing reaches the devices.
            List<ManagedChannel> before = a.channels().channels();
            ChannelIssuance locked = oldOwner.issueChannel(a.id(), b.id());
            assertThat(locked.complete()).isFalse();
            assertThat(locked.deviceErrors()).containsOnlyKeys(a.id(), b.id());
            assertThat(locked.channels()).allSatisfy(c -> assertThat(c.requests()).noneMatch(PushedRequest::succeeded));
            assertThat(a.channels().channels()).extracting(ManagedChannel::id)
                    .containsExactlyInAnyOrderElementsOf(before.stream().map(ManagedChannel::id).toList());
        }
    }

    @Test
    void an_rsa_only_gateway_and_an_ec_gateway_get_a_derived_channel_key_and_ping_over_it() throws Exception {
        Factory.Device rsaDevice = factory.make(Factory.Kind.RSA);
        Factory.Device ecDevice = factory.make(Factory.Kind.EC);
        assertThat(Factory.register(oldOwner, "installer-old", rsaDevice)).isEqualTo(201);
        assertThat(Factory.register(oldOwner, "installer-old", ecDevice)).isEqualTo(201);
        try (Gateway e = gateway(ecDevice, "127.0.0.7"); Gateway r = gateway(rsaDevice, "127.0.0.4")) {
            // The RSA gateway bootstraps with raw RSA keys (TLS_ECDHE_RSA) against the bootstrap service's RSA key.
            awaitPresent(oldOwner, e);
            awaitPresent(oldOwner, r);
            // Neither end can use the other's key type (an RSA-only and an EC-only device): §13's last EC-RSA
            // option, a channel key derived for both from their device keys (CMS to the EC and to the RSA key).
            ChannelIssuance issued = oldOwner.issueChannel(e.id(), r.id());
            assertThat(issued.deviceErrors()).isEmpty();
            assertThat(issued.complete()).isTrue();
            assertThat(issued.channels()).singleElement().extracting(IssuedChannel::kind)
                    .isEqualTo(ChannelCase.CHANNEL_KEY);
            ManagedChannel channel = awaitOpenChannel(e, r);
            pingCrosses(e, channel);
            pingCrosses(r, r.dataChannelTo(e).orElseThrow());
        }
    }
}
