package org.assure.channels.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelStaging;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementStatus;
import org.assure.channels.internal.Backoff;
import org.assure.channels.internal.ChannelSupervisor;
import org.assure.channels.internal.KeystoreChannelStore;
import org.assure.channels.internal.ManualSchedulerAccess;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.KeyMetadata;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.Validity;
import org.assure.keystore.Keystore;
import org.assure.keystore.KeystoreTransaction;
import org.assure.keystore.internal.TestKeystores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bootstrap replays API requests into the keystore's bootstrap transaction and a channel staging (PROFILE §5):
 * keys and channels become current together when the keystore transaction commits, and not at all otherwise;
 * the channels live in the keystore (blob), so they are back after a restart.
 */
class BootstrapReplayTest {
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
    ChannelSupervisor manager;
    ManagementApi api;

    @BeforeEach
    void start() throws Exception {
        open();
    }

    private void open() throws Exception {
        keystore = TestKeystores.open(dir, deviceId, deviceKey, taKey);
        manager = new ChannelSupervisor(new KeystoreChannelStore(keystore), ManualSchedulerAccess.connector(),
                ManualSchedulerAccess.create(), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0), 8);
        api = new ManagementApi(keystore, manager, new SystemControl() {
            @Override
            public void reboot() {
            }

            @Override
            public void shutdown() {
            }

            @Override
            public Optional<org.assure.channels.BootstrapTrigger> bootstrapTrigger() {
                return Optional.empty();
            }

            @Override
            public DeviceInfo deviceInfo() {
                return DeviceInfo.of(deviceId);
            }
        }, ManualSchedulerAccess.create(), 64);
    }

    @AfterEach
    void stop() {
        manager.shutdown();
        TestKeystores.close(keystore);
    }

    private AuthenticatedKey managementKey() {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        return SigningKey.of(taKey.keyId(), ta.getPrivate()).authenticate(IdentityClass.MANAGEMENT_SYSTEM,
                EcKey.publicKey(UUID.randomUUID(), Keys.encodePublic(pair.getPublic())), KeyMetadata.NONE,
                Validity.UNBOUNDED);
    }

    private ChannelConfiguration channelTo(AuthenticatedKey peer) {
        return new ChannelConfiguration(deviceKey.keyId(), Optional.of(peer.key().keyId()),
                ChannelFlags.management(true, true), IpAddress.of(java.net.InetAddress.getLoopbackAddress(), 0, 5684));
    }

    /** Replays an image's messages; returns the staging and transaction, prepared but not committed. */
    private ChannelStaging replay(KeystoreTransaction tx, AuthenticatedKey key) throws IOException {
        ChannelStaging staging = manager.stage(ChannelOrigin.BOOTSTRAP);
        ManagementContext context = ManagementContext.bootstrap(tx, staging);
        assertThat(api.handle(ManagementRequest.cbor(ManagementMethod.PUT, AuthenticatedKeyCodec.encode(key), "v1",
                "keys", key.key().keyId().toString()), context).status()).isEqualTo(ManagementStatus.CREATED);
        assertThat(api.handle(ManagementRequest.cbor(ManagementMethod.PUT,
                ChannelConfigurationCodec.encode(channelTo(key)), "v1", "channels", "1"), context).status())
                .isEqualTo(ManagementStatus.CREATED);
        // nothing is visible before the commit
        assertThat(keystore.key(key.key().keyId())).isEmpty();
        assertThat(manager.channels()).isEmpty();
        staging.prepare(tx);
        return staging;
    }

    @Test
    void keys_and_channels_commit_together_and_survive_a_restart() throws Exception {
        AuthenticatedKey key = managementKey();
        try (KeystoreTransaction tx = keystore.beginBootstrap(); ChannelStaging staging = replay(tx, key)) {
            tx.commit();
            staging.commit();
        }
        assertThat(keystore.key(key.key().keyId())).isPresent();
        assertThat(manager.channels()).extracting(ManagedChannel::id).containsExactly(1L);
        assertThat(manager.channel(1).orElseThrow().origin()).isEqualTo(ChannelOrigin.BOOTSTRAP);
        assertThat(api.handle(ManagementRequest.of(ManagementMethod.DELETE, "v1", "channels", "1"),
                ManagementContext.onChannel(manager.channel(1).orElseThrow())).status())
                .isEqualTo(ManagementStatus.FORBIDDEN);

        stop();
        open();
        assertThat(keystore.key(key.key().keyId())).isPresent();
        assertThat(manager.channel(1).orElseThrow().origin()).isEqualTo(ChannelOrigin.BOOTSTRAP);
    }

    @Test
    void an_aborted_bootstrap_leaves_keys_and_channels_as_they_were() throws Exception {
        AuthenticatedKey key = managementKey();
        KeystoreTransaction tx = keystore.beginBootstrap();
        ChannelStaging staging = replay(tx, key);
        // a later message of the image fails: the bootstrap aborts both
        staging.close();
        tx.close();
        assertThat(keystore.key(key.key().keyId())).isEmpty();
        assertThat(manager.channels()).isEmpty();
        assertThatThrownBy(staging::commit).isInstanceOf(IllegalStateException.class);

        stop();
        open();
        assertThat(manager.channels()).isEmpty();
    }

    @Test
    void channels_do_not_follow_a_keystore_transaction_that_did_not_commit() throws Exception {
        AuthenticatedKey key = managementKey();
        KeystoreTransaction tx = keystore.beginBootstrap();
        ChannelStaging staging = replay(tx, key);
        tx.close(); // the keystore commit failed or never happened
        assertThatThrownBy(staging::commit).isInstanceOf(IOException.class);
        assertThat(manager.channels()).isEmpty();
        manager.create(channelTo(key), ChannelOrigin.LOCAL); // writable again
    }

    @Test
    void malformed_messages_in_a_replay_are_refused_like_live_ones() throws Exception {
        try (KeystoreTransaction tx = keystore.beginBootstrap();
                ChannelStaging staging = manager.stage(ChannelOrigin.BOOTSTRAP)) {
            ManagementContext context = ManagementContext.bootstrap(tx, staging);
            assertThat(api.handle(ManagementRequest.cbor(ManagementMethod.PUT, new byte[] {(byte) 0x9f}, "v1",
                    "channels"), context).status()).isEqualTo(ManagementStatus.BAD_REQUEST);
            assertThat(staging.exists(1)).isFalse();
        }
        assertThat(List.copyOf(manager.channels())).isEmpty();
    }
}
