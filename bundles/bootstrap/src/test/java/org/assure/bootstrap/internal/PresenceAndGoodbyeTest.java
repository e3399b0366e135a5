package org.assure.bootstrap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assure.bootstrap.BootstrapListener;
import org.assure.bootstrap.ManagementChannelClient;
import org.assure.bootstrap.PresenceResult;
import org.assure.channels.ChannelOrigin;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelState;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.GoodbyeReason;
import org.assure.core.model.IpAddress;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presence, trusted time and goodbye over real DTLS and CoAP to a test management server, driven by channel
 * state changes as the channel manager reports them.
 */
class PresenceAndGoodbyeTest {
    private static final long MANAGEMENT = 1;
    private static final long DATA = 2;
    private static final long OTHER_MANAGEMENT = 3;
    /** The server's clock runs a day ahead of the device's: trusted time must follow the server. */
    private final Clock serverClock = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
    private final UUID deviceId = UUID.randomUUID();
    private final UUID keyId = UUID.randomUUID();
    private final SecretBytes psk = KeyGeneration.randomSecret(32, Device.RANDOM);
    private final MemoryChannels channels = new MemoryChannels();
    private final Listeners listeners = new Listeners();
    private final LinkedBlockingQueue<PresenceResult> presence = new LinkedBlockingQueue<>();
    private final TrustedClock trustedClock = new TrustedClock(Clock.systemUTC());
    private final DeviceInfo info = new DeviceInfo(deviceId, Bytes.fromHex("0a0b0c0d0e0f"), "Acme", "GW-1", "0042",
            "2026-11-30", "aSSURE for Kura", "assure-kura", "0.1.0");
    private TestManagementServer server;
    private CoapChannelClient client;

    @BeforeEach
    void start() throws Exception {
        server = new TestManagementServer(serverClock);
        server.admit(deviceId, keyId, psk);
        client = new CoapChannelClient();
        ChannelConfiguration management = new ChannelConfiguration(keyId, Optional.empty(),
                ChannelFlags.management(true, true), IpAddress.of(InetAddress.getLoopbackAddress(), 0,
                        server.address().getPort()));
        channels.define(MANAGEMENT, management, ChannelOrigin.BOOTSTRAP);
        channels.define(DATA, new ChannelConfiguration(keyId, Optional.empty(), ChannelFlags.data(true, true),
                IpAddress.of(InetAddress.getLoopbackAddress(), 0, server.address().getPort())), ChannelOrigin.MANAGEMENT);
        client.channel(MANAGEMENT, server.address(), deviceId, server.serverName, keyId, psk);
        client.channel(DATA, server.address(), deviceId, server.serverName, keyId, psk);
        listeners.add(new BootstrapListener() {
            @Override
            public void presenceSent(PresenceResult result) {
                presence.add(result);
            }
        });
        channels.addListener(new PresenceAgent(() -> info, () -> Optional.of(client), trustedClock,
                Clock.systemUTC(), listeners));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private PresenceResult nextPresence() throws InterruptedException {
        PresenceResult result = presence.poll(30, TimeUnit.SECONDS);
        assertThat(result).as("a presence result").isNotNull();
        return result;
    }

    @Test
    void given_a_management_channel_when_it_opens_then_presence_is_acknowledged_and_trusted_time_follows_the_server()
            throws Exception {
        assertThat(trustedClock.now()).isEmpty();

        channels.setState(MANAGEMENT, ChannelState.HANDSHAKING);
        channels.setState(MANAGEMENT, ChannelState.OPEN);

        PresenceResult result = nextPresence();
        assertThat(result.channelId()).isEqualTo(MANAGEMENT);
        assertThat(result.acknowledged()).isTrue();
        assertThat(result.responseCode()).contains("2.04");
        assertThat(server.received).singleElement().satisfies(r -> {
            assertThat(r.what()).isEqualTo("info");
            assertThat(r.info()).contains(info);
        });
        // The timestamp request follows the presence on the same channel; poll for its effect with a deadline.
        Instant deadline = Instant.now().plusSeconds(30);
        while (trustedClock.instant().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(trustedClock.instant()).hasValueSatisfying(t -> assertThat(Duration.between(serverClock.instant(), t)
                .abs()).isLessThan(Duration.ofSeconds(5)));
    }

    @Test
    void given_a_data_channel_when_it_opens_then_no_presence_is_sent() throws Exception {
        channels.setState(DATA, ChannelState.OPEN);
        channels.setState(MANAGEMENT, ChannelState.OPEN);

        assertThat(nextPresence().channelId()).isEqualTo(MANAGEMENT);
        assertThat(presence.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(server.received).hasSize(1);
    }

    @Test
    void given_a_server_that_does_not_know_the_device_when_presence_is_sent_then_the_result_says_4_01()
            throws Exception {
        UUID other = UUID.randomUUID();
        PresenceAgent agent = new PresenceAgent(() -> DeviceInfo.of(other), () -> Optional.of(client), trustedClock,
                Clock.systemUTC(), listeners);
        channels.addListener(agent);

        channels.setState(MANAGEMENT, ChannelState.OPEN);

        PresenceResult first = nextPresence();
        PresenceResult second = nextPresence();
        assertThat(java.util.List.of(first, second)).extracting(r -> r.responseCode().orElse("none"))
                .containsExactlyInAnyOrder("2.04", "4.01");
        assertThat(java.util.List.of(first, second)).filteredOn(r -> !r.acknowledged()).hasSize(1);
    }

    @Test
    void given_no_channel_client_when_a_management_channel_opens_then_nothing_is_sent_and_nothing_fails() {
        MemoryChannels alone = new MemoryChannels();
        alone.define(MANAGEMENT, channels.channel(MANAGEMENT).orElseThrow().configuration(), ChannelOrigin.BOOTSTRAP);
        alone.addListener(new PresenceAgent(() -> info, Optional::empty, trustedClock, Clock.systemUTC(), listeners));

        alone.setState(MANAGEMENT, ChannelState.OPEN);

        assertThat(presence).isEmpty();
    }

    @Test
    void given_open_management_channels_when_the_gateway_reboots_then_goodbye_is_acknowledged_before_the_hook_returns()
            throws Exception {
        channels.setState(MANAGEMENT, ChannelState.OPEN);
        nextPresence();
        channels.setState(DATA, ChannelState.OPEN);
        GoodbyeSender goodbye = new GoodbyeSender(() -> deviceId, channels, () -> Optional.of(client));

        goodbye.goodbye(GoodbyeReason.REBOOT_BY_MANAGEMENT, Duration.ofSeconds(20));

        assertThat(server.received).filteredOn(r -> r.what().equals("goodbye")).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains(GoodbyeReason.REBOOT_BY_MANAGEMENT));
    }

    @Test
    void given_a_channel_that_never_answers_when_saying_goodbye_then_the_hook_returns_after_the_timeout() {
        channels.setState(MANAGEMENT, ChannelState.OPEN);
        ManagementChannelClient silent = (id, request) -> new CompletableFuture<>();
        GoodbyeSender goodbye = new GoodbyeSender(() -> deviceId, channels, () -> Optional.of(silent));

        long started = System.nanoTime();
        goodbye.goodbye(GoodbyeReason.SHUTTING_DOWN, Duration.ofMillis(200));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void given_no_open_management_channel_when_saying_goodbye_then_nothing_is_sent() {
        GoodbyeSender goodbye = new GoodbyeSender(() -> deviceId, channels, () -> Optional.of(client));

        goodbye.goodbye(GoodbyeReason.BOOTSTRAP_BY_LOCAL_CONTROL, Duration.ofSeconds(1));

        assertThat(server.received).isEmpty();
    }
}
