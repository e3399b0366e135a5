package org.assure.channels.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.channels.internal.ManualSchedulerAccess;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.ChannelIdCodec;
import org.assure.core.cbor.ChannelInfoCodec;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelInfo;
import org.assure.core.model.ChannelState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel, system, ping and info endpoints and the routing, on a real channel manager. */
class ManagementApiTest {
    @TempDir
    Path dir;

    private ApiFixture f;

    @BeforeEach
    void start() throws IOException {
        f = new ApiFixture(dir, ApiFixture.untouchableKeys());
    }

    private static ChannelConfiguration config(boolean persistent, boolean openImmediately) {
        return new ChannelConfiguration(java.util.UUID.randomUUID(), java.util.Optional.empty(),
                org.assure.core.model.ChannelFlags.management(persistent, openImmediately),
                org.assure.core.model.IpAddress.of(java.net.InetAddress.getLoopbackAddress(), 0, 5684));
    }

    private ManagementResponse put(byte[] payload, String... path) {
        return f.call(ManagementRequest.cbor(ManagementMethod.PUT, payload, path), ApiFixture.all());
    }

    private ManagementResponse call(ManagementMethod method, String... path) {
        return f.call(ManagementRequest.of(method, path), ApiFixture.all());
    }

    @Test
    void put_channels_creates_with_next_id_and_answers_the_id() throws Exception {
        ChannelConfiguration config = config(true, false);
        ManagementResponse response = put(ChannelConfigurationCodec.encode(config), "v1", "channels");
        assertThat(response.status()).isEqualTo(ManagementStatus.CREATED);
        assertThat(response.contentFormat()).hasValue(60);
        long id = ChannelIdCodec.decode(response.payload().toByteArray());
        assertThat(f.manager.channel(id).orElseThrow().configuration()).isEqualTo(config);
        assertThat(f.manager.channel(id).orElseThrow().origin()).isEqualTo(ChannelOrigin.MANAGEMENT);
    }

    @Test
    void put_channel_with_id_conflicts_when_it_exists_and_fills_up_to_413() {
        byte[] body = ChannelConfigurationCodec.encode(config(false, false));
        assertThat(put(body, "v1", "channels", "7").status()).isEqualTo(ManagementStatus.CREATED);
        assertThat(put(body, "v1", "channels", "7").status()).isEqualTo(ManagementStatus.CONFLICT);
        put(body, "v1", "channels");
        put(body, "v1", "channels");
        put(body, "v1", "channels");
        assertThat(put(body, "v1", "channels").status()).isEqualTo(ManagementStatus.REQUEST_ENTITY_TOO_LARGE);
        assertThat(f.manager.channels()).hasSize(4);
    }

    @Test
    void malformed_or_wrongly_typed_payloads_change_nothing() {
        byte[] good = ChannelConfigurationCodec.encode(config(true, false));
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        ManagementResponse bad = put(trailing, "v1", "channels");
        assertThat(bad.status()).isEqualTo(ManagementStatus.BAD_REQUEST);
        assertThat(new String(bad.payload().toByteArray(), StandardCharsets.UTF_8)).isEqualTo("malformed request");
        assertThat(put(new byte[0], "v1", "channels").status()).isEqualTo(ManagementStatus.BAD_REQUEST);

        ManagementRequest json = new ManagementRequest(ManagementMethod.PUT, List.of("v1", "channels"), List.of(),
                OptionalInt.of(50), Bytes.of(good));
        assertThat(f.call(json, ApiFixture.all()).status()).isEqualTo(ManagementStatus.UNSUPPORTED_CONTENT_FORMAT);
        ManagementRequest none = new ManagementRequest(ManagementMethod.PUT, List.of("v1", "channels"), List.of(),
                OptionalInt.empty(), Bytes.of(good));
        assertThat(f.call(none, ApiFixture.all()).status()).isEqualTo(ManagementStatus.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(f.manager.channels()).isEmpty();
    }

    @Test
    void open_and_close_answer_will_try_and_status_shows_progress() throws Exception {
        long id = f.manager.create(config(false, false), ChannelOrigin.MANAGEMENT);
        assertThat(call(ManagementMethod.PUT, "v1", "channels", Long.toString(id), "open").status())
                .isEqualTo(ManagementStatus.CHANGED);
        ChannelInfo info = ChannelInfoCodec.decode(call(ManagementMethod.GET, "v1", "channels", Long.toString(id))
                .payload().toByteArray());
        assertThat(info.status().state()).isEqualTo(ChannelState.OPEN_REQUESTED);
        ManualSchedulerAccess.advance(f.scheduler, Duration.ZERO);
        info = ChannelInfoCodec.decode(call(ManagementMethod.GET, "v1", "channels", Long.toString(id)).payload()
                .toByteArray());
        assertThat(info.status().state()).isEqualTo(ChannelState.HANDSHAKING);
        assertThat(call(ManagementMethod.PUT, "v1", "channels", Long.toString(id), "close").status())
                .isEqualTo(ManagementStatus.CHANGED);
        assertThat(call(ManagementMethod.PUT, "v1", "channels", "99", "open").status())
                .isEqualTo(ManagementStatus.NOT_FOUND);
        assertThat(call(ManagementMethod.PUT, "v1", "channels", "99", "close").status())
                .isEqualTo(ManagementStatus.NOT_FOUND);
    }

    @Test
    void list_get_and_delete() throws Exception {
        long a = f.manager.create(config(true, false), ChannelOrigin.MANAGEMENT);
        long b = f.manager.create(config(true, false), ChannelOrigin.BOOTSTRAP);
        List<ChannelInfo> list = ChannelInfoCodec.decodeList(call(ManagementMethod.GET, "v1", "channels")
                .payload().toByteArray());
        assertThat(list).extracting(i -> i.status().channelId()).containsExactly(a, b);
        assertThat(call(ManagementMethod.GET, "v1", "channels", "4000").status()).isEqualTo(ManagementStatus.NOT_FOUND);
        assertThat(call(ManagementMethod.DELETE, "v1", "channels", Long.toString(b)).status())
                .isEqualTo(ManagementStatus.FORBIDDEN);
        assertThat(call(ManagementMethod.DELETE, "v1", "channels", Long.toString(a)).status())
                .isEqualTo(ManagementStatus.DELETED);
        assertThat(call(ManagementMethod.DELETE, "v1", "channels", Long.toString(a)).status())
                .isEqualTo(ManagementStatus.DELETED);
        assertThat(f.manager.channels()).extracting(ManagedChannel::id).containsExactly(b);
    }

    @Test
    void reboot_and_shutdown_answer_first_and_act_after() {
        assertThat(call(ManagementMethod.PUT, "v1", "reboot").status()).isEqualTo(ManagementStatus.CHANGED);
        assertThat(f.actions).isEmpty();
        ManualSchedulerAccess.advance(f.scheduler, Duration.ofSeconds(1));
        assertThat(f.actions).containsExactly("reboot");
        assertThat(call(ManagementMethod.PUT, "v1", "shutdown").status()).isEqualTo(ManagementStatus.CHANGED);
        ManualSchedulerAccess.advance(f.scheduler, Duration.ofSeconds(1));
        assertThat(f.actions).containsExactly("reboot", "shutdown");
    }

    @Test
    void bootstrap_needs_a_bootstrap_client() {
        assertThat(call(ManagementMethod.PUT, "v1", "bootstrap").status())
                .isEqualTo(ManagementStatus.SERVICE_UNAVAILABLE);
        f.trigger = java.util.Optional.of(reason -> f.actions.add("bootstrap " + reason.code()));
        assertThat(call(ManagementMethod.PUT, "v1", "bootstrap").status()).isEqualTo(ManagementStatus.CHANGED);
        ManualSchedulerAccess.advance(f.scheduler, Duration.ofSeconds(1));
        assertThat(f.actions).containsExactly("bootstrap 2");
    }

    @Test
    void ping_echoes_up_to_the_limit_without_privileges_and_info_reports_the_device() throws Exception {
        ManagementRequest ping = new ManagementRequest(ManagementMethod.GET, List.of("v1", "ping"), List.of(),
                OptionalInt.of(0), Bytes.of("hello, gateway".getBytes(StandardCharsets.UTF_8)));
        ManagementResponse echo = f.call(ping, ApiFixture.with());
        assertThat(echo.status()).isEqualTo(ManagementStatus.CONTENT);
        assertThat(new String(echo.payload().toByteArray(), StandardCharsets.UTF_8)).isEqualTo("hello, g");
        assertThat(echo.contentFormat()).hasValue(0);

        ManagementResponse info = f.call(ManagementRequest.of(ManagementMethod.GET, "v1", "info"), ApiFixture.with());
        assertThat(info.status()).isEqualTo(ManagementStatus.CONTENT);
        assertThat(DeviceInfoCodec.decode(info.payload().toByteArray()).deviceId()).isEqualTo(f.deviceId);
    }

    @Test
    void routing_answers_not_found_and_method_not_allowed() {
        assertThat(call(ManagementMethod.GET, "v2", "ping").status()).isEqualTo(ManagementStatus.NOT_FOUND);
        assertThat(call(ManagementMethod.GET, "v1", "nothing").status()).isEqualTo(ManagementStatus.NOT_FOUND);
        assertThat(call(ManagementMethod.GET, "v1", "keys", "not-a-uuid").status())
                .isEqualTo(ManagementStatus.NOT_FOUND);
        assertThat(call(ManagementMethod.GET, "v1", "channels", "007").status()).isEqualTo(ManagementStatus.NOT_FOUND);
        assertThat(call(ManagementMethod.GET, "v1", "channels", "4294967296").status())
                .isEqualTo(ManagementStatus.NOT_FOUND);
        assertThat(call(ManagementMethod.POST, "v1", "ping").status()).isEqualTo(ManagementStatus.METHOD_NOT_ALLOWED);
        assertThat(call(ManagementMethod.GET, "v1", "reboot").status())
                .isEqualTo(ManagementStatus.METHOD_NOT_ALLOWED);
        assertThat(call(ManagementMethod.DELETE, "v1", "keys").status())
                .isEqualTo(ManagementStatus.METHOD_NOT_ALLOWED);
        assertThat(f.actions).isEmpty();
    }

    @Test
    void requests_without_payload_reject_one() throws Exception {
        long id = f.manager.create(config(false, false), ChannelOrigin.MANAGEMENT);
        ManagementRequest open = new ManagementRequest(ManagementMethod.PUT,
                List.of("v1", "channels", Long.toString(id), "open"), List.of(), OptionalInt.empty(),
                Bytes.of(new byte[] {1}));
        assertThat(f.call(open, ApiFixture.all()).status()).isEqualTo(ManagementStatus.BAD_REQUEST);
        assertThat(f.manager.channel(id).orElseThrow().state()).isEqualTo(ChannelState.CLOSED);
    }

    @Test
    void channel_endpoints_need_the_channel_privilege() throws Exception {
        long id = f.manager.create(config(false, false), ChannelOrigin.MANAGEMENT);
        byte[] body = ChannelConfigurationCodec.encode(config(false, false));
        for (ChannelPrivilege other : List.of(ChannelPrivilege.KEY_MANAGEMENT, ChannelPrivilege.SYSTEM_MANAGEMENT)) {
            assertThat(f.call(ManagementRequest.cbor(ManagementMethod.PUT, body, "v1", "channels"),
                    ApiFixture.with(other)).status()).isEqualTo(ManagementStatus.UNAUTHORIZED);
            assertThat(f.call(ManagementRequest.of(ManagementMethod.DELETE, "v1", "channels", Long.toString(id)),
                    ApiFixture.with(other)).status()).isEqualTo(ManagementStatus.UNAUTHORIZED);
        }
        assertThat(f.manager.channels()).hasSize(1);
    }
}
