package org.assure.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.PskHint;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.core.trust.DerivationReference;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.Validity;
import org.assure.dtls.CredentialType;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsHandshakeException;
import org.assure.dtls.DtlsServerCredentials;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.FailureCause;
import org.assure.dtls.InMemoryCredentials;
import org.assure.dtls.OwnKey;
import org.assure.dtls.UdpTransport;
import org.assure.keystore.ChannelKeys;
import org.assure.keystore.KeystoreException;
import org.assure.keystore.KeystoreException.Reason;
import org.assure.keystore.TrustedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two keystores (devices A and B, same Trusted Authority and management system) open real DTLS sessions over
 * loopback UDP with the credentials the keystores make: PSK from a derived secret each device derives from its
 * own key, raw public keys issued by the management system, and the bootstrap client's credentials.
 */
class StoreCredentialsTest {
    private static final DtlsConfig FAST = DtlsConfig.builder().handshakeTimeout(Duration.ofSeconds(4))
            .retransmissionInitial(Duration.ofMillis(200)).build();

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private final TestKeys a = new TestKeys();
    private final TestKeys b = new TestKeys();
    private final TestKeys.Pair ms = TestKeys.Pair.generate();
    private final TestKeys.Pair channelA = TestKeys.Pair.generate();
    private final TestKeys.Pair channelB = TestKeys.Pair.generate();
    private final UUID pskId = UUID.randomUUID();
    private final BlockingQueue<byte[]> received = new ArrayBlockingQueue<>(8);
    private FileKeystore storeA;
    private FileKeystore storeB;
    private DtlsEngine server;
    private DtlsEngine client;

    @BeforeEach
    void setUp() throws Exception {
        // Both devices trust the same Trusted Authority (b's anchors reuse a's TA key).
        storeA = FileKeystore.open(dirA, a.anchors(), 16, Optional.empty(), () -> TrustedTime.NONE, TestKeys.RANDOM,
                Duration.ofSeconds(1));
        Anchors anchorsB = new Anchors(b.deviceId, b.anchors().deviceKey(), a.anchors().trustedAuthorityKey(), 1);
        storeB = FileKeystore.open(dirB, anchorsB, 16, Optional.empty(), () -> TrustedTime.NONE, TestKeys.RANDOM,
                Duration.ofSeconds(1));
        AuthenticatedKey msKey = a.managementSystem(ms);
        storeA.importKey(msKey);
        storeB.importKey(msKey);

        // A channel secret both devices derive through a CMS envelope to their own device key.
        DerivedSecretKey psk = DerivedSecrets.create(pskId, TestKeys.secret(32), List.of(
                new DerivationReference.Public(a.device.id(), a.device.keys().getPublic(), CmsOptions.DEFAULT),
                new DerivationReference.Public(b.device.id(), b.device.keys().getPublic(), CmsOptions.DEFAULT)),
                TestKeys.RANDOM);
        AuthenticatedKey pskKey = ms.signer().authenticate(IdentityClass.CHANNEL, psk, KeyMetadata.NONE, Validity.UNBOUNDED);
        storeA.importKey(pskKey);
        storeB.importKey(pskKey);

        // Raw keys: each device gets its own channel key with the private part and the peer's in public form.
        AuthenticatedKey keyA = ms.signer().authenticate(IdentityClass.CHANNEL, channelA.privateDefinition(),
                KeyMetadata.ownedBy(a.deviceId), Validity.UNBOUNDED);
        AuthenticatedKey keyB = ms.signer().authenticate(IdentityClass.CHANNEL, channelB.privateDefinition(),
                KeyMetadata.ownedBy(b.deviceId), Validity.UNBOUNDED);
        storeA.importKey(keyA);
        storeA.importKey(new AuthenticatedKey(keyB.identityClass(), channelB.publicDefinition(), keyB.metadata(),
                keyB.signature()));
        storeB.importKey(keyB);
        storeB.importKey(new AuthenticatedKey(keyA.identityClass(), channelA.publicDefinition(), keyA.metadata(),
                keyA.signature()));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(DtlsServerCredentials credentials) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = DtlsEngine.builder(UdpTransport.ephemeral(loopback), ChannelKind.MANAGEMENT).config(FAST)
                .serverCredentials(credentials).dataHandler((session, data) -> received.add(data)).start();
        client = DtlsEngine.builder(UdpTransport.ephemeral(loopback), ChannelKind.MANAGEMENT).config(FAST).start();
    }

    @Test
    void given_a_shared_derived_secret_when_b_connects_to_a_then_psk_carries_data() throws Exception {
        start(storeA.credentials().server((peer, name) -> name.equals(Optional.of(b.deviceId))
                ? List.of(ChannelKeys.psk(pskId, b.deviceId)) : List.of()));

        DtlsSession session = client.connect(server.localAddress(),
                storeB.credentials().client(ChannelKeys.psk(pskId, a.deviceId))).get(10, TimeUnit.SECONDS);

        assertThat(session.keyId()).isEqualTo(pskId);
        assertThat(session.credentialType()).isEqualTo(CredentialType.PSK);
        assertThat(session.peerName()).contains(a.deviceId);
        session.send(new byte[] {7});
        assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(7);
    }

    @Test
    void given_channel_raw_keys_when_b_connects_to_a_then_both_keys_are_checked() throws Exception {
        start(storeA.credentials().server((peer, name) -> List.of(ChannelKeys.rawKey(channelA.id(), channelB.id()))));

        DtlsSession session = client.connect(server.localAddress(),
                storeB.credentials().client(ChannelKeys.rawKey(channelB.id(), channelA.id()))).get(10, TimeUnit.SECONDS);

        assertThat(session.credentialType()).isEqualTo(CredentialType.RAW_PUBLIC_KEY);
        assertThat(session.peerName()).contains(a.deviceId);
        assertThat(session.keyId()).isEqualTo(channelA.id());
    }

    @Test
    void given_a_channel_without_peer_key_when_the_peer_names_itself_then_any_key_it_owns_is_accepted()
            throws Exception {
        start(storeA.credentials().server((peer, name) -> List.of(new ChannelKeys(channelA.id(), Optional.empty(),
                Optional.empty()))));

        DtlsSession session = client.connect(server.localAddress(),
                storeB.credentials().client(ChannelKeys.rawKey(channelB.id(), channelA.id()))).get(10, TimeUnit.SECONDS);

        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void given_a_client_the_directory_does_not_know_when_it_connects_then_refused() throws Exception {
        start(storeA.credentials().server((peer, name) -> List.of()));

        assertThatThrownBy(() -> client.connect(server.localAddress(),
                storeB.credentials().client(ChannelKeys.psk(pskId, a.deviceId))).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DtlsHandshakeException.class);
    }

    @Test
    void given_the_server_presents_another_key_when_the_client_expects_a_channel_key_then_refused() throws Exception {
        // A presents its channel key, but B's channel names B's own key as the peer key.
        start(storeA.credentials().server((peer, name) -> List.of(ChannelKeys.rawKey(channelA.id(), channelB.id()))));

        ChannelKeys wrongPeerKey = new ChannelKeys(channelB.id(), Optional.of(channelB.id()), Optional.of(a.deviceId));

        assertThatThrownBy(() -> client.connect(server.localAddress(), storeB.credentials().client(wrongPeerKey))
                .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DtlsHandshakeException.class,
                        e -> assertThat(e.failure().cause()).isEqualTo(FailureCause.BAD_PEER_KEY));
    }

    @Test
    void given_keys_the_device_cannot_use_when_client_credentials_are_asked_then_refused() {
        assertThatThrownBy(() -> storeB.credentials().client(ChannelKeys.psk(UUID.randomUUID(), a.deviceId)))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_FOUND));
        // B holds only the public part of A's channel key.
        assertThatThrownBy(() -> storeB.credentials().client(ChannelKeys.rawKey(channelA.id(), channelB.id())))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_USABLE));
        // B cannot derive anything from the Trusted Authority's public key.
        assertThatThrownBy(() -> storeB.credentials().client(ChannelKeys.psk(ms.id(), a.deviceId)))
                .isInstanceOfSatisfying(KeystoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_USABLE));
    }

    @Test
    void given_an_ec_device_when_it_bootstraps_then_the_server_raw_key_is_accepted_provisionally() throws Exception {
        OwnKey serverKey = new OwnKey(UUID.randomUUID(), ms.keys().getPublic(), ms.keys().getPrivate());
        UUID serverName = UUID.randomUUID();
        start(new InMemoryCredentials(serverName).ownKey(serverKey)
                .putPeer(InMemoryCredentials.Peer.withRawKey(a.deviceId, a.device.id(),
                        Keys.encodePublic(a.device.keys().getPublic()))));
        AtomicReference<PublicKey> provisional = new AtomicReference<>();

        DtlsSession session = client.connect(server.localAddress(), storeA.credentials().bootstrap(provisional::set))
                .get(10, TimeUnit.SECONDS);

        assertThat(session.peerName()).contains(serverName);
        assertThat(provisional.get()).isEqualTo(ms.keys().getPublic());
    }

    @Test
    void given_a_shared_secret_device_when_it_bootstraps_then_it_derives_the_hint_chain(@TempDir Path dir)
            throws Exception {
        UUID deviceId = UUID.randomUUID();
        UUID secretId = UUID.randomUUID();
        SecretBytes deviceSecret = TestKeys.secret(32);
        TrustedKey device = TrustedKey.secretAnchor(secretId, IdentityClass.DEVICE, deviceSecret);
        UUID taId = UUID.randomUUID();
        SecretBytes taSecret = TestKeys.secret(32);
        DerivedSecretKey ta = DerivedSecrets.create(taId, taSecret,
                List.of(new DerivationReference.Secret(secretId, deviceSecret, 1000)), TestKeys.RANDOM);
        FileKeystore store = FileKeystore.open(dir, new Anchors(deviceId, device,
                TrustedKey.derivedAnchor(ta, IdentityClass.TRUSTED_AUTHORITY, taSecret), 7), 4, Optional.empty(),
                () -> TrustedTime.NONE, TestKeys.RANDOM, Duration.ofSeconds(1));
        UUID bootstrapKeyId = UUID.randomUUID();
        SecretBytes bootstrapSecret = TestKeys.secret(32);
        DerivedSecretKey bootstrapKey = DerivedSecrets.create(bootstrapKeyId, bootstrapSecret,
                List.of(new DerivationReference.Secret(taId, taSecret, 1000)), TestKeys.RANDOM);
        UUID serverName = UUID.randomUUID();
        start(new InMemoryCredentials(serverName).putSecret(bootstrapKeyId, bootstrapSecret)
                .putPeer(InMemoryCredentials.Peer.withPsk(deviceId, new PskHint.KeyChainHint(List.of(ta, bootstrapKey)))));

        DtlsSession session = client.connect(server.localAddress(), store.credentials().bootstrap(key -> {
        })).get(10, TimeUnit.SECONDS);

        assertThat(session.keyId()).isEqualTo(bootstrapKeyId);
        assertThat(session.peerName()).contains(serverName);
    }

}
