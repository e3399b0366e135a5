package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.channels.ChannelOrigin;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.model.Bytes;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.ChannelIdCodec;
import org.assure.core.cbor.ChannelInfoCodec;
import org.assure.core.cbor.KeyListCodec;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.ChannelState;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyListEntry;
import org.assure.core.transport.ChannelKind;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways in one JVM with real DTLS over loopback: a management system opens management channels to both,
 * creates keys and a data channel through the Device Management API, the data channel opens between the gateways
 * and ping crosses it; after a restart the persistent keys and channels are back and the RAM-only ones are gone.
 */
class TwoGatewaysTest {
    private static final String HOST = "127.0.0.1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private ManagementPeer m;
    private TestGateway a;
    private TestGateway b;

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (m != null) {
            m.close();
        }
    }

    /** What a bootstrap would install: the management system's key and a management channel to it. */
    private long provision(TestGateway gateway) throws Exception {
        m.admit(gateway);
        gateway.keystore.importKey(m.managementKey());
        ChannelConfiguration management = new ChannelConfiguration(gateway.deviceKey.keyId(),
                Optional.of(m.key.keyId()), ChannelFlags.management(true, true),
                IpAddress.of(InetAddress.getByName(HOST), 0, m.port()));
        long id = gateway.component.create(management, ChannelOrigin.LOCAL);
        awaitOpen(gateway, id);
        return id;
    }

    private static void awaitOpen(TestGateway gateway, long id) throws InterruptedException {
        ManagementPeer.await(() -> gateway.component.channel(id).map(ManagedChannel::state)
                .filter(ChannelState.OPEN::equals).isPresent(), WAIT, gateway.name + " channel " + id + " open");
    }

    private Response call(TestGateway gateway, CoAP.Code code, String path, byte[] payload) throws Exception {
        return m.request(gateway, code, path, payload);
    }

    private AuthenticatedKey generate(TestGateway gateway, boolean persistent) throws Exception {
        Response response = call(gateway, CoAP.Code.POST, "/v1/keys/generate?type=1&persistent=" + persistent, null);
        assertThat(response.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(response.getOptions().getContentFormat()).isEqualTo(60);
        return AuthenticatedKeyCodec.decode(response.getPayload());
    }

    private ResponseCode putKey(TestGateway gateway, AuthenticatedKey key) throws Exception {
        return call(gateway, CoAP.Code.PUT, "/v1/keys/" + key.key().keyId(), AuthenticatedKeyCodec.encode(key))
                .getCode();
    }

    private ChannelInfo channelInfo(TestGateway gateway, long id) throws Exception {
        Response response = call(gateway, CoAP.Code.GET, "/v1/channels/" + id, null);
        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        return ChannelInfoCodec.decode(response.getPayload());
    }

    private static ChannelConfiguration dataChannel(AuthenticatedKey local, AuthenticatedKey peer, int port,
            boolean persistent) throws Exception {
        return new ChannelConfiguration(local.key().keyId(), Optional.of(peer.key().keyId()),
                ChannelFlags.data(persistent, false), IpAddress.of(InetAddress.getByName(HOST), 0, port));
    }

    @Test
    void management_creates_keys_and_a_channel_between_two_gateways_and_ping_crosses_it() throws Exception {
        m = new ManagementPeer(HOST).start();
        a = new TestGateway("A", dir.resolve("a"), m.taKey, HOST).start();
        b = new TestGateway("B", dir.resolve("b"), m.taKey, HOST).start();
        long managementOfA = provision(a);
        provision(b);

        // keys: each gateway generates its channel key; each learns the other's device key and channel key
        AuthenticatedKey keyA = generate(a, true);
        AuthenticatedKey keyB = generate(b, true);
        assertThat(keyA.identityClass()).isEqualTo(IdentityClass.CHANNEL);
        assertThat(keyA.metadata().owningDevice()).hasValue(a.deviceId);
        assertThat(putKey(a, m.authenticate(b.devicePublicKey(), IdentityClass.DEVICE)))
                .isEqualTo(ResponseCode.CREATED);
        assertThat(putKey(a, m.authenticate(b.devicePublicKey(), IdentityClass.DEVICE)))
                .isEqualTo(ResponseCode.CHANGED); // already there
        assertThat(putKey(a, keyB)).isEqualTo(ResponseCode.CREATED);
        assertThat(putKey(b, m.authenticate(a.devicePublicKey(), IdentityClass.DEVICE)))
                .isEqualTo(ResponseCode.CREATED);
        assertThat(putKey(b, keyA)).isEqualTo(ResponseCode.CREATED);

        List<KeyListEntry> keysOfA = KeyListCodec.decode(call(a, CoAP.Code.GET, "/v1/keys", null).getPayload());
        assertThat(keysOfA).filteredOn(e -> e.key().key().keyId().equals(keyA.key().keyId()))
                .singleElement().extracting(KeyListEntry::privateKeyPresent).isEqualTo(true);
        assertThat(keysOfA).filteredOn(e -> e.key().key().keyId().equals(keyB.key().keyId()))
                .singleElement().extracting(KeyListEntry::privateKeyPresent).isEqualTo(false);

        // channels: A opens a data channel to B's data port; B accepts it as its channel 20
        Response created = call(a, CoAP.Code.PUT, "/v1/channels/10",
                ChannelConfigurationCodec.encode(dataChannel(keyA, keyB, b.port(ChannelKind.DATA), true)));
        assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(ChannelIdCodec.decode(created.getPayload())).isEqualTo(10);
        assertThat(call(b, CoAP.Code.PUT, "/v1/channels/20",
                ChannelConfigurationCodec.encode(dataChannel(keyB, keyA, a.port(ChannelKind.DATA), true))).getCode())
                .isEqualTo(ResponseCode.CREATED);
        assertThat(channelInfo(a, 10).status().state()).isEqualTo(ChannelState.CLOSED);

        assertThat(call(a, CoAP.Code.PUT, "/v1/channels/10/open", null).getCode()).isEqualTo(ResponseCode.CHANGED);
        ManagementPeer.await(() -> {
            try {
                return channelInfo(a, 10).status().state() == ChannelState.OPEN;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, WAIT, "channel 10 open, seen through the API");
        awaitOpen(b, 20);

        // ping crosses the data channel from A to B through A's channel API; the data channel has no privileges on B
        ManagementResponse pong = a.component.send(10, new ManagementRequest(ManagementMethod.GET,
                List.of("v1", "ping"), List.of(), OptionalInt.of(0),
                Bytes.of("across the channel".getBytes(StandardCharsets.UTF_8)))).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(pong.status()).isEqualTo(ManagementStatus.CONTENT);
        assertThat(new String(pong.payload().toByteArray(), StandardCharsets.UTF_8)).isEqualTo("across the channel");
        assertThat(a.component.send(10, ManagementRequest.of(ManagementMethod.GET, "v1", "keys"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS).status()).isEqualTo(ManagementStatus.UNAUTHORIZED);
        // and back from B to A over the same session (B adopted it as its channel 20)
        assertThat(b.component.send(20, ManagementRequest.of(ManagementMethod.GET, "v1", "info"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS).status()).isEqualTo(ManagementStatus.CONTENT);

        // a key a channel uses cannot be deleted
        assertThat(call(a, CoAP.Code.DELETE, "/v1/keys/" + keyA.key().keyId(), null).getCode())
                .isEqualTo(ResponseCode.FORBIDDEN);

        // RAM-only key and channel on A, then a restart of A
        AuthenticatedKey ramKey = generate(a, false);
        assertThat(call(a, CoAP.Code.PUT, "/v1/channels/11",
                ChannelConfigurationCodec.encode(dataChannel(ramKey, keyB, b.port(ChannelKind.DATA), false)))
                .getCode()).isEqualTo(ResponseCode.CREATED);
        a.stop();
        ManagementPeer.await(() -> b.component.channel(20).map(ManagedChannel::state)
                .filter(s -> s != ChannelState.OPEN).isPresent(), WAIT, "B sees A's channel end");
        a.start();
        // A's management channel specifically (its data channel to B may open first): the management system's
        // requests below share that channel's session; sent while A still retries it, both ends would be
        // opening a session over the same pair of ports at once and each would replace the other's handshake
        awaitOpen(a, managementOfA);
        List<UUID> keyIds = KeyListCodec.decode(call(a, CoAP.Code.GET, "/v1/keys", null).getPayload()).stream()
                .map(e -> e.key().key().keyId()).toList();
        assertThat(keyIds).contains(keyA.key().keyId(), keyB.key().keyId()).doesNotContain(ramKey.key().keyId());
        List<Long> channelIds = ChannelInfoCodec.decodeList(call(a, CoAP.Code.GET, "/v1/channels", null)
                .getPayload()).stream().map(i -> i.status().channelId()).toList();
        assertThat(channelIds).contains(10L).doesNotContain(11L);
        assertThat(channelInfo(a, 10).status().state()).isEqualTo(ChannelState.CLOSED);
    }
}
