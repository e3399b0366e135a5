package org.assure.channels.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyMetadata;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.Validity;
import org.assure.keystore.Keystore;
import org.assure.keystore.internal.TestKeystores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of draft §10.1 × every combination of the three privileges: a channel without the endpoint's
 * privilege gets 4.01 and nothing changes; with it, the request is not refused for privileges. Ping and info need
 * none. Runs on the real keystore and channel manager.
 */
class PrivilegeMatrixTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One endpoint: how to call it and the privilege it needs (null: none). */
    record Endpoint(String name, ChannelPrivilege needs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("PUT /v1/keys/<uuid>", ChannelPrivilege.KEY_MANAGEMENT),
            new Endpoint("POST /v1/keys/generate", ChannelPrivilege.KEY_MANAGEMENT),
            new Endpoint("GET /v1/keys/<uuid>", ChannelPrivilege.KEY_MANAGEMENT),
            new Endpoint("DELETE /v1/keys/<uuid>", ChannelPrivilege.KEY_MANAGEMENT),
            new Endpoint("GET /v1/keys", ChannelPrivilege.KEY_MANAGEMENT),
            new Endpoint("PUT /v1/channels", ChannelPrivilege.CHANNEL_MANAGEMENT),
            new Endpoint("PUT /v1/channels/<id>", ChannelPrivilege.CHANNEL_MANAGEMENT),
            new Endpoint("PUT /v1/channels/<id>/open", ChannelPrivilege.CHANNEL_MANAGEMENT),
            new Endpoint("PUT /v1/channels/<id>/close", ChannelPrivilege.CHANNEL_MANAGEMENT),
            new Endpoint("DELETE /v1/channels/<id>", ChannelPrivilege.CHANNEL_MANAGEMENT),
            new Endpoint("GET /v1/channels/<id>", ChannelPrivilege.CHANNEL_MANAGEMENT),
            new Endpoint("GET /v1/channels", ChannelPrivilege.CHANNEL_MANAGEMENT),
            new Endpoint("PUT /v1/reboot", ChannelPrivilege.SYSTEM_MANAGEMENT),
            new Endpoint("PUT /v1/shutdown", ChannelPrivilege.SYSTEM_MANAGEMENT),
            new Endpoint("PUT /v1/bootstrap", ChannelPrivilege.SYSTEM_MANAGEMENT),
            new Endpoint("GET /v1/ping", null),
            new Endpoint("GET /v1/info", null));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (int mask = 0; mask < 8; mask++) {
                Set<ChannelPrivilege> granted = EnumSet.noneOf(ChannelPrivilege.class);
                for (ChannelPrivilege p : ChannelPrivilege.values()) {
                    if ((mask & 1 << p.ordinal()) != 0) {
                        granted.add(p);
                    }
                }
                cases.add(Arguments.of(endpoint, granted));
            }
        }
        return cases.stream();
    }

    @TempDir
    Path dir;

    Keystore keystore;
    ApiFixture f;
    final KeyPair ta = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
    final EcKey taKey = EcKey.publicKey(UUID.randomUUID(), Keys.encodePublic(ta.getPublic()));
    long channel;
    UUID storedKey;

    @BeforeEach
    void start() throws Exception {
        KeyPair device = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        keystore = TestKeystores.open(dir.resolve("keys"), UUID.randomUUID(), new EcKey(UUID.randomUUID(),
                Keys.encodePublic(device.getPublic()), Keys.encodePrivate(device.getPrivate())), taKey);
        f = new ApiFixture(dir.resolve("channels"), keystore);
        f.trigger = Optional.of(reason -> f.actions.add("bootstrap"));
        storedKey = keystore.generateKey(GenerateKeyType.EC_P256, true).key().keyId();
        channel = f.manager.create(config(), ChannelOrigin.MANAGEMENT);
    }

    @AfterEach
    void stop() {
        TestKeystores.close(keystore);
    }

    private static ChannelConfiguration config() {
        return new ChannelConfiguration(UUID.randomUUID(), Optional.empty(), ChannelFlags.data(true, false),
                IpAddress.of(java.net.InetAddress.getLoopbackAddress(), 0, 5685));
    }

    private ManagementRequest request(Endpoint endpoint) {
        String[] parts = endpoint.name().split(" ");
        ManagementMethod method = ManagementMethod.valueOf(parts[0]);
        String path = parts[1].replace("<uuid>", storedKey.toString()).replace("<id>", Long.toString(channel));
        List<String> segments = List.of(path.substring(1).split("/"));
        byte[] payload = null;
        List<String> query = List.of();
        if (endpoint.name().equals("PUT /v1/keys/<uuid>")) {
            EcKey fresh = EcKey.publicKey(UUID.randomUUID(), Keys.encodePublic(KeyGeneration.generate(
                    GenerateKeyType.EC_P256, RANDOM).getPublic()));
            payload = AuthenticatedKeyCodec.encode(SigningKey.of(taKey.keyId(), ta.getPrivate()).authenticate(
                    IdentityClass.MANAGEMENT_SYSTEM, fresh, KeyMetadata.NONE, Validity.UNBOUNDED));
            segments = List.of("v1", "keys", fresh.keyId().toString());
        } else if (endpoint.name().equals("PUT /v1/channels")) {
            payload = ChannelConfigurationCodec.encode(config());
        } else if (endpoint.name().equals("PUT /v1/channels/<id>")) {
            payload = ChannelConfigurationCodec.encode(config());
            segments = List.of("v1", "channels", "77");
        } else if (endpoint.name().equals("POST /v1/keys/generate")) {
            query = List.of("type=1");
        }
        return new ManagementRequest(method, segments, query,
                payload == null ? OptionalInt.empty() : OptionalInt.of(60),
                payload == null ? Bytes.EMPTY : Bytes.of(payload));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrix")
    void privileges_are_enforced(Endpoint endpoint, Set<ChannelPrivilege> granted) {
        int keysBefore = keystore.size();
        int channelsBefore = f.manager.channels().size();
        ManagementResponse response = f.call(request(endpoint), new ManagementContext(granted,
                OptionalLong.of(channel), Optional.empty(), Optional.empty()));
        boolean allowed = endpoint.needs() == null || granted.contains(endpoint.needs());
        if (allowed) {
            assertThat(response.status()).isNotEqualTo(ManagementStatus.UNAUTHORIZED);
            assertThat(response.status().isSuccess()).as("%s answered %s", endpoint, response.status().text())
                    .isTrue();
        } else {
            assertThat(response.status()).isEqualTo(ManagementStatus.UNAUTHORIZED);
            assertThat(keystore.size()).isEqualTo(keysBefore);
            assertThat(f.manager.channels()).hasSize(channelsBefore);
            assertThat(f.manager.channel(channel).orElseThrow().state().code()).isZero();
            assertThat(f.actions).isEmpty();
        }
    }
}
