package org.assure.channels.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.KeyListCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.KeyMetadata;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.Validity;
import org.assure.keystore.Keystore;
import org.assure.keystore.internal.TestKeystores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key endpoints (draft §10.1.1–10.1.5) on the keystore bundle's real file keystore. */
class KeyEndpointsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    final UUID deviceId = UUID.randomUUID();
    final KeyPair device = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
    final EcKey deviceKey = new EcKey(UUID.randomUUID(), Keys.encodePublic(device.getPublic()),
            Keys.encodePrivate(device.getPrivate()));
    final KeyPair ta = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
    final EcKey taKey = EcKey.publicKey(UUID.randomUUID(), Keys.encodePublic(ta.getPublic()));
    Keystore keystore;
    ApiFixture f;

    @BeforeEach
    void start() throws Exception {
        keystore = TestKeystores.open(dir.resolve("keys"), deviceId, deviceKey, taKey, 4);
        f = new ApiFixture(dir.resolve("channels"), keystore);
    }

    @AfterEach
    void stop() {
        TestKeystores.close(keystore);
    }

    private ManagementResponse call(ManagementMethod method, String path, List<String> query, byte[] payload) {
        String[] segments = path.substring(1).split("/");
        return f.call(new ManagementRequest(method, List.of(segments), query,
                payload == null ? OptionalInt.empty() : OptionalInt.of(60),
                payload == null ? Bytes.EMPTY : Bytes.of(payload)), ApiFixture.all());
    }

    private AuthenticatedKey managementKey() {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        return SigningKey.of(taKey.keyId(), ta.getPrivate()).authenticate(IdentityClass.MANAGEMENT_SYSTEM,
                EcKey.publicKey(UUID.randomUUID(), Keys.encodePublic(pair.getPublic())), KeyMetadata.NONE,
                Validity.UNBOUNDED);
    }

    private AuthenticatedKey generate(boolean persistent) throws Exception {
        ManagementResponse response = call(ManagementMethod.POST, "/v1/keys/generate",
                List.of("type=1", "persistent=" + persistent), null);
        assertThat(response.status()).isEqualTo(ManagementStatus.CREATED);
        return AuthenticatedKeyCodec.decode(response.payload().toByteArray());
    }

    @Test
    void generate_answers_the_authenticated_public_key_owned_by_the_device() throws Exception {
        AuthenticatedKey key = generate(true);
        assertThat(key.identityClass()).isEqualTo(IdentityClass.CHANNEL);
        assertThat(key.metadata().owningDevice()).hasValue(deviceId);
        assertThat(((AsymmetricKey) key.key()).hasPrivateKey()).isFalse();
        assertThat(keystore.key(key.key().keyId()).orElseThrow().privatePartPresent()).isTrue();
    }

    @Test
    void generate_rejects_bad_queries_and_unknown_types() {
        assertThat(call(ManagementMethod.POST, "/v1/keys/generate", List.of("type=9"), null).status())
                .isEqualTo(ManagementStatus.NOT_IMPLEMENTED);
        for (List<String> query : List.of(List.<String>of(), List.of("type=x"), List.of("type=01"),
                List.of("type=1", "persistent=yes"), List.of("type=1", "type=1"), List.of("type=1", "colour=red"),
                List.of("type"))) {
            assertThat(call(ManagementMethod.POST, "/v1/keys/generate", query, null).status()).as("%s", query)
                    .isEqualTo(ManagementStatus.BAD_REQUEST);
        }
        assertThat(keystore.keyList()).isEmpty();
    }

    @Test
    void put_creates_then_reports_existing_and_checks_the_path() {
        AuthenticatedKey key = managementKey();
        byte[] body = AuthenticatedKeyCodec.encode(key);
        assertThat(call(ManagementMethod.PUT, "/v1/keys/" + UUID.randomUUID(), List.of(), body).status())
                .isEqualTo(ManagementStatus.BAD_REQUEST);
        assertThat(call(ManagementMethod.PUT, "/v1/keys/" + key.key().keyId(), List.of(), body).status())
                .isEqualTo(ManagementStatus.CREATED);
        assertThat(call(ManagementMethod.PUT, "/v1/keys/" + key.key().keyId(), List.of(), body).status())
                .isEqualTo(ManagementStatus.CHANGED);
    }

    @Test
    void put_of_a_key_that_fails_validation_or_decoding_changes_nothing() {
        KeyPair stranger = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        AuthenticatedKey forged = SigningKey.of(UUID.randomUUID(), stranger.getPrivate()).authenticate(
                IdentityClass.MANAGEMENT_SYSTEM, EcKey.publicKey(UUID.randomUUID(),
                        Keys.encodePublic(stranger.getPublic())), KeyMetadata.NONE, Validity.UNBOUNDED);
        ManagementResponse refused = call(ManagementMethod.PUT, "/v1/keys/" + forged.key().keyId(), List.of(),
                AuthenticatedKeyCodec.encode(forged));
        assertThat(refused.status().codeClass()).isEqualTo(4);
        assertThat(call(ManagementMethod.PUT, "/v1/keys/" + forged.key().keyId(), List.of(), new byte[] {1, 2})
                .status()).isEqualTo(ManagementStatus.BAD_REQUEST);
        assertThat(keystore.keyList()).isEmpty();
    }

    @Test
    void a_full_keystore_answers_413() throws Exception {
        for (int i = 0; i < 4; i++) {
            generate(false);
        }
        assertThat(call(ManagementMethod.POST, "/v1/keys/generate", List.of("type=1"), null).status())
                .isEqualTo(ManagementStatus.REQUEST_ENTITY_TOO_LARGE);
        AuthenticatedKey key = managementKey();
        assertThat(call(ManagementMethod.PUT, "/v1/keys/" + key.key().keyId(), List.of(),
                AuthenticatedKeyCodec.encode(key)).status()).isEqualTo(ManagementStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    @Test
    void get_and_list_mask_private_parts_as_present() throws Exception {
        AuthenticatedKey generated = generate(true);
        AuthenticatedKey imported = managementKey();
        call(ManagementMethod.PUT, "/v1/keys/" + imported.key().keyId(), List.of(),
                AuthenticatedKeyCodec.encode(imported));

        ManagementResponse one = call(ManagementMethod.GET, "/v1/keys/" + generated.key().keyId(), List.of(), null);
        assertThat(one.status()).isEqualTo(ManagementStatus.CONTENT);
        byte[] asList = new byte[one.payload().length() + 1];
        asList[0] = (byte) 0x81;
        System.arraycopy(one.payload().toByteArray(), 0, asList, 1, one.payload().length());
        assertThat(KeyListCodec.decode(asList)).singleElement().extracting(KeyListEntry::privateKeyPresent)
                .isEqualTo(true);
        assertThat(new String(one.payload().toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("PRESENT");

        List<KeyListEntry> list = KeyListCodec.decode(call(ManagementMethod.GET, "/v1/keys", List.of(), null)
                .payload().toByteArray());
        assertThat(list).extracting(e -> e.key().key().keyId() + ":" + e.privateKeyPresent())
                .containsExactlyInAnyOrder(generated.key().keyId() + ":true", imported.key().keyId() + ":false");

        assertThat(call(ManagementMethod.GET, "/v1/keys/" + UUID.randomUUID(), List.of(), null).status())
                .isEqualTo(ManagementStatus.NOT_FOUND);
        assertThat(call(ManagementMethod.GET, "/v1/keys/" + deviceKey.keyId(), List.of(), null).status())
                .isEqualTo(ManagementStatus.NOT_FOUND);
    }

    @Test
    void delete_refuses_keys_in_use_and_anchors_and_is_idempotent() throws Exception {
        AuthenticatedKey used = generate(true);
        AuthenticatedKey free = generate(true);
        f.manager.create(new ChannelConfiguration(used.key().keyId(), java.util.Optional.empty(),
                ChannelFlags.data(false, false), IpAddress.of(java.net.InetAddress.getLoopbackAddress(), 0, 5685)),
                ChannelOrigin.MANAGEMENT);
        assertThat(call(ManagementMethod.DELETE, "/v1/keys/" + used.key().keyId(), List.of(), null).status())
                .isEqualTo(ManagementStatus.FORBIDDEN);
        assertThat(call(ManagementMethod.DELETE, "/v1/keys/" + deviceKey.keyId(), List.of(), null).status())
                .isEqualTo(ManagementStatus.FORBIDDEN);
        assertThat(call(ManagementMethod.DELETE, "/v1/keys/" + free.key().keyId(), List.of(), null).status())
                .isEqualTo(ManagementStatus.DELETED);
        assertThat(call(ManagementMethod.DELETE, "/v1/keys/" + free.key().keyId(), List.of(), null).status())
                .isEqualTo(ManagementStatus.DELETED);
        assertThat(keystore.key(used.key().keyId())).isPresent();
        assertThat(keystore.key(free.key().keyId())).isEmpty();
    }

    @Test
    void key_content_format_must_be_cbor() throws IOException {
        AuthenticatedKey key = managementKey();
        ManagementRequest text = new ManagementRequest(ManagementMethod.PUT, List.of("v1", "keys",
                key.key().keyId().toString()), List.of(), OptionalInt.of(0),
                Bytes.of(AuthenticatedKeyCodec.encode(key)));
        assertThat(f.call(text, ApiFixture.all()).status()).isEqualTo(ManagementStatus.UNSUPPORTED_CONTENT_FORMAT);
    }
}
