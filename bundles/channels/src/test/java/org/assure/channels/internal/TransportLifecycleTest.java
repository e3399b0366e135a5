package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ManagedChannel;
import org.assure.channels.internal.ip.IpTransports;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelState;
import org.assure.core.model.IpAddress;
import org.assure.core.transport.ChannelTransport;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A management channel over IPv4 and over IPv6; the transport goes away (the channel fails and is retried) and a
 * new one comes (the channel opens again on it), as when a transport bundle is stopped and started.
 */
class TransportLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private ManagementPeer m;
    private TestGateway g;

    @AfterEach
    void stop() {
        if (g != null) {
            g.close();
        }
        if (m != null) {
            m.close();
        }
    }

    private ChannelState state(long id) {
        return g.component.channel(id).map(ManagedChannel::state).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void channels_follow_their_transport(String host) throws Exception {
        m = new ManagementPeer(host).start();
        g = new TestGateway("G", dir, m.taKey, host).start();
        m.admit(g);
        g.keystore.importKey(m.managementKey());
        long id = g.component.create(new ChannelConfiguration(g.deviceKey.keyId(), Optional.of(m.key.keyId()),
                ChannelFlags.management(true, true), IpAddress.of(InetAddress.getByName(host), 0, m.port())),
                ChannelOrigin.LOCAL);
        ManagementPeer.await(() -> state(id) == ChannelState.OPEN, WAIT, "channel open");
        Response info = m.request(g, CoAP.Code.GET, "/v1/info", null);
        assertThat(info.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(DeviceInfoCodec.decode(info.getPayload()).deviceId()).isEqualTo(g.deviceId);

        g.component.removeTransport(g.transport);
        ManagementPeer.await(() -> state(id) != ChannelState.OPEN, WAIT, "channel lost with its transport");
        assertThat(g.component.dtls().bindings()).isEmpty();

        ChannelTransport replacement = IpTransports.loopback(host);
        g.transport = replacement;
        g.component.addTransport(replacement);
        ManagementPeer.await(() -> state(id) == ChannelState.OPEN, WAIT, "channel open again on the new transport");
        assertThat(m.request(g, CoAP.Code.GET, "/v1/ping", "again".getBytes()).getPayloadString()).isEqualTo("again");
    }
}
