package org.assure.bootstrap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.assure.bootstrap.BootstrapOutcome.Result;
import org.assure.bootstrap.internal.coap.CoapImageFetcher;
import org.assure.core.bootstrap.BootstrapImageOpener;
import org.assure.core.bootstrap.DeviceState;
import org.assure.core.bootstrap.OpenedImage;
import org.assure.core.crypto.Keys;
import org.assure.core.trust.TrustedKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fetch over real DTLS and CoAP on loopback, then core's opener, for each kind of device. */
class CoapImageFetcherTest {
    private static TestBootstrapServer server;
    private static TestBootstrapServer rsaServer;

    @BeforeAll
    static void startServers() throws Exception {
        server = new TestBootstrapServer(Device.ecPair());
        rsaServer = new TestBootstrapServer(Device.rsaPair());
    }

    @AfterAll
    static void stopServers() {
        server.close();
        rsaServer.close();
    }

    static TestBootstrapServer serverFor(Device.Kind kind) {
        return kind == Device.Kind.RSA ? rsaServer : server;
    }

    static CoapImageFetcher fetcherFor(Device device) {
        return new CoapImageFetcher(device.bootstrapCredentials(), InetAddress.getLoopbackAddress(),
                TestBootstrapServer.fastDtls(), Duration.ofSeconds(20), Device.RANDOM);
    }

    @ParameterizedTest(name = "{0} device")
    @EnumSource(Device.Kind.class)
    void given_an_image_on_the_server_when_the_device_fetches_it_then_it_opens(Device.Kind kind) throws Exception {
        TestBootstrapServer server = serverFor(kind);
        Device device = server.device(kind);
        server.images.put(device.deviceId, device.image(1));

        FetchedImage fetched = fetcherFor(device).fetch(server.address(), device.deviceId);

        if (kind == Device.Kind.SHARED_SECRET) {
            assertThat(fetched.provisionalServerKey()).isEmpty();
        } else {
            assertThat(fetched.provisionalServerKey().map(Keys::encodePublic))
                    .contains(Keys.encodePublic(server.keys.getPublic()));
        }
        OpenedImage opened = BootstrapImageOpener.open(fetched.image().toByteArray(), new DeviceState(device.deviceId,
                TrustedKeys.of(device.anchors), 0, Optional.empty(), fetched.provisionalServerKey()));
        assertThat(opened.ownerSequence()).isEqualTo(1);
        assertThat(opened.payload()).isEqualTo(device.payload());
    }

    @Test
    void given_no_image_for_the_device_when_it_fetches_then_the_server_refuses() throws Exception {
        Device device = server.device(Device.Kind.EC);

        assertThatThrownBy(() -> fetcherFor(device).fetch(server.address(), device.deviceId))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.result()).isEqualTo(Result.REFUSED);
                    assertThat(e.getMessage()).contains("4.03");
                });
    }

    @Test
    void given_an_unregistered_device_when_it_fetches_then_the_handshake_fails_as_unreachable() throws Exception {
        Device stranger = Device.create(Device.Kind.EC, server.keyId, server.keys);

        assertThatThrownBy(() -> fetcherFor(stranger).fetch(server.address(), stranger.deviceId))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.result()).isEqualTo(Result.UNREACHABLE));
    }
}
