package org.assure.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assure.authority.internal.http.TlsContexts;
import org.assure.authority.internal.mgmt.Registrar;
import org.assure.core.bootstrap.OpenedImage;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.cbor.TimestampCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.json.DeviceStatusJson;
import org.assure.core.model.Address;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsEngine;
import org.assure.dtls.DtlsSession;
import org.assure.dtls.OwnKey;
import org.assure.dtls.PeerKey;
import org.assure.dtls.PskKey;
import org.assure.dtls.RawKeyCredentials;
import org.assure.dtls.UdpTransport;
import org.assure.core.error.ErrorKind;
import org.assure.dtls.coap.AssurePeerPrincipal;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One JVM, real sockets: manufacture → management systems register with the Trusted Authority → installer
 * registers the device (claim, image built and uploaded) → the device bootstraps over real DTLS from the Bootstrap
 * API → presence over the management channel → change of owner → the device bootstraps again for the new owner
 * and the old owner's keys open no channel to it any more.
 */
class EndToEndTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static TlsContexts.ClientKey maker;
    private static TrustedAuthorityServer ta;
    private static ManagementServer oldOwner;
    private static ManagementServer newOwner;

    @BeforeAll
    static void start() throws Exception {
        maker = TestCertificates.selfSigned("maker");
        Path dir = Files.createTempDirectory("assure-e2e");
        ta = TrustedAuthorityServer.start(AuthoritySettings.embedded(dir, 0, 0, List.of(maker.certificate())));
        oldOwner = ManagementServer.start(ManagementSettings.embedded(dir.resolve("a"), ta.httpsUri(), ta.caCertificate(), 0,
                "installer", "installer-a", new InetSocketAddress("127.0.0.1", ManagementServerTest.freeUdpPort())));
        newOwner = ManagementServer.start(ManagementSettings.embedded(dir.resolve("b"), ta.httpsUri(), ta.caCertificate(), 0,
                "installer", "installer-b", new InetSocketAddress("127.0.0.1", ManagementServerTest.freeUdpPort())));
    }

    @AfterAll
    static void stop() {
        newOwner.close();
        oldOwner.close();
        ta.close();
    }

    enum Kind { EC, RSA, SECRET }

    /** Manufactures and uploads a device: EC when {@code ec}, else shared-secret only. */
    private static TestDevice manufacture(boolean ec, String caseString) throws Exception {
        return manufacture(ec ? Kind.EC : Kind.SECRET, caseString);
    }

    /** Manufactures and uploads a device of {@code kind} (an RSA device here cannot do EC). */
    private static TestDevice manufacture(Kind kind, String caseString) throws Exception {
        UUID id = UUID.randomUUID();
        boolean ec = kind != Kind.SECRET;
        Optional<KeyPair> pair = switch (kind) {
            case EC -> Optional.of(KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM));
            case RSA -> Optional.of(KeyGeneration.generate(GenerateKeyType.RSA_2048, RANDOM));
            case SECRET -> Optional.empty();
        };
        Optional<SecretBytes> secret = ec ? Optional.empty() : Optional.of(KeyGeneration.randomSecret(32, RANDOM));
        Optional<String> pem = pair.map(p -> "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(p.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        DeviceRecord record = new DeviceRecord(id, 1, caseString, secret, pem, Optional.empty(),
                new DeviceCapabilities(kind == Kind.EC, kind == Kind.RSA, false, false, false));
        var client = java.net.http.HttpClient.newBuilder()
                .sslContext(TlsContexts.client(List.of(ta.caCertificate()), Optional.of(maker))).build();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ta.httpsUri() + "/v1/devices/" + id)).PUT(java.net.http.HttpRequest.BodyPublishers
                        .ofByteArray(Ecies.encrypt(ta.identityServiceKey(), DeviceRecordJson.encode(record), RANDOM)))
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(201);
        List<TrustedKey> anchors = kind == Kind.RSA
                ? List.of(TrustedKey.anchor(new org.assure.core.model.RsaKey(id, Keys.encodePublic(pair.get().getPublic()),
                        Keys.encodePrivate(pair.get().getPrivate())), IdentityClass.DEVICE),
                        TrustedKey.anchor(ta.trustedAuthorityRsaKey(), IdentityClass.TRUSTED_AUTHORITY))
                : ec
                ? List.of(TrustedKey.anchor(new EcKey(id, Keys.encodePublic(pair.get().getPublic()),
                        Keys.encodePrivate(pair.get().getPrivate())), IdentityClass.DEVICE),
                        TrustedKey.anchor(ta.trustedAuthorityKey(), IdentityClass.TRUSTED_AUTHORITY))
                : List.of(TrustedKey.secretAnchor(id, IdentityClass.DEVICE, secret.get()),
                        SharedSecretAnchors.anchor(id, secret.get()));
        return new TestDevice(id, anchors, pair);
    }

    private static void register(ManagementServer ms, String password, TestDevice d, String caseString) throws Exception {
        var client = java.net.http.HttpClient.newBuilder()
                .sslContext(TlsContexts.client(List.of(ms.tlsCertificate()), Optional.empty())).build();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ms.registrationUri()
                + "/v1/devices/" + d.id + "?case_string=" + java.net.URLEncoder.encode(caseString, "UTF-8")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("installer:" + password).getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(201);
    }

    private static DeviceInfo info(UUID id) {
        return new DeviceInfo(id, Bytes.fromHex("0a0b0c0d0e0f"), "maker", "gateway", "0001", "2026-12-05", "aSSURE",
                "kura", "0.1.0");
    }

    /** The old owner opening a management connection to the device with what it holds for it. */
    private static Throwable oldOwnerConnects(TestDevice device, Address deviceAddress, Optional<DerivedSecretKey> oldKey)
            throws Exception {
        try (DtlsEngine engine = DtlsEngine.builder(UdpTransport.ephemeral(InetAddress.getLoopbackAddress()),
                ChannelKind.MANAGEMENT).config(TestDevice.FAST).start()) {
            ClientCredentials credentials;
            KeyPair key = oldOwner.identity().key().pair();
            if (oldKey.isPresent()) {
                SecretBytes secret = DerivedSecrets.resolve(oldKey.get(),
                        TrustedKeys.of(List.of(oldOwner.identity().key().asTrustedKey()))).orElseThrow();
                PskKey psk = new PskKey(oldKey.get().keyId(), Optional.empty(), secret);
                credentials = new ClientCredentials(Optional.empty(), Optional.empty(), Optional.of(h -> Optional.of(psk)),
                        Optional.empty());
            } else {
                credentials = new ClientCredentials(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(
                        new RawKeyCredentials(new OwnKey(oldOwner.keyId(), key.getPublic(), key.getPrivate()),
                                spki -> Optional.of(new PeerKey(device.id, Optional.of(device.id))))));
            }
            try {
                DtlsSession session = engine.connect(deviceAddress, credentials).get(30, TimeUnit.SECONDS);
                session.close();
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            }
        }
    }

    @Test
    void ec_and_shared_secret_devices_bootstrap_report_presence_and_lock_out_their_old_owner() throws Exception {
        for (boolean ec : List.of(true, false)) {
            String caseString = "case-" + UUID.randomUUID();
            try (TestDevice device = manufacture(ec, caseString); TestDevice stranger = manufacture(ec, "other")) {
                // Before registration there is no image: 4.03, as for another device's image.
                assertThat(device.fetchImage(ta.bootstrapAddress(), device.id, new AtomicReference<>()).getCode())
                        .isEqualTo(CoAP.ResponseCode.FORBIDDEN);
                register(oldOwner, "installer-a", device, caseString);

                OpenedImage first = device.bootstrap(ta.bootstrapAddress());
                assertThat(first.ownerSequence()).isEqualTo(1);
                assertThat(first.keys()).anyMatch(k -> k.keyId().equals(oldOwner.keyId()) || k.secret().isPresent());
                // Another (authenticated) device cannot read this device's image.
                assertThat(stranger.fetchImage(ta.bootstrapAddress(), device.id, new AtomicReference<>()).getCode())
                        .isEqualTo(CoAP.ResponseCode.FORBIDDEN);

                assertThat(device.presence(info(device.id)).getCode()).isEqualTo(CoAP.ResponseCode.CHANGED);
                assertThat(oldOwner.registrar().status(device.id).status()).isEqualTo(Registrar.PRESENT);
                assertThat(oldOwner.registrar().info(device.id)).isEqualTo(info(device.id));
                // Presence for another device over this device's channel: 4.01.
                assertThat(device.presence(info(stranger.id)).getCode()).isEqualTo(CoAP.ResponseCode.UNAUTHORIZED);

                // The old owner can reach the device while it owns it.
                Address deviceAddress = device.listen();
                Optional<DerivedSecretKey> oldKey = oldOwner.registrar().channelKeys(device.id).orElseThrow()
                        .managementKey().key() instanceof DerivedSecretKey k ? Optional.of(k) : Optional.empty();
                assertThat(oldOwnerConnects(device, deviceAddress, oldKey)).isNull();

                // Change of owner (§14.7): the old owner transfers, the new owner registers and uploads its image.
                ta.services().trustedAuthority().changeOwner(oldOwner.mgmtId(), device.id, Optional.empty(),
                        Optional.of(Optional.of(newOwner.mgmtId())));
                register(newOwner, "installer-b", device, caseString);
                OpenedImage second = device.bootstrap(ta.bootstrapAddress());
                assertThat(second.ownerSequence()).isEqualTo(2);
                assertThat(device.presence(info(device.id)).getCode()).isEqualTo(CoAP.ResponseCode.CHANGED);
                assertThat(newOwner.registrar().status(device.id).status()).isEqualTo(Registrar.PRESENT);

                // The old owner's keys open no channel to the device any more ...
                assertThat(oldOwnerConnects(device, deviceAddress, oldKey)).isNotNull();
                // ... and for a shared-secret device it cannot derive the new management secret.
                var newKey = newOwner.registrar().channelKeys(device.id).orElseThrow().managementKey().key();
                if (newKey instanceof DerivedSecretKey k) {
                    assertThat(DerivedSecrets.resolve(k, TrustedKeys.of(List.of(oldOwner.identity().key().asTrustedKey()))))
                            .isEmpty();
                }
                // Nor can the old owner's management channel be used for presence any more (its row is stale
                // but the device no longer holds the old key; the TA has no image of the old owner either).
                assertThat(ta.services().trustedAuthority().ownership(device.id).orElseThrow().owner())
                        .contains(newOwner.mgmtId());
            }
        }
    }

    @Test
    void the_old_owner_transfers_resets_the_device_bootstrap_over_dtls_and_is_then_refused() throws Exception {
        String caseString = "reset-" + UUID.randomUUID();
        try (TestDevice device = manufacture(Kind.EC, caseString); TestDevice silent = manufacture(Kind.SECRET, caseString)) {
            for (TestDevice d : List.of(device, silent)) {
                register(oldOwner, "installer-a", d, caseString);
                d.bootstrap(ta.bootstrapAddress());
            }
            device.serveManagement(info(device.id), false);
            // Without a presence the management server does not know where the device is.
            assertThatThrownBy(() -> oldOwner.requestBootstrap(silent.id)).isInstanceOfSatisfying(
                    AuthorityException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));

            oldOwner.transfer(device.id, newOwner.mgmtId());
            assertThat(ta.services().trustedAuthority().ownership(device.id).orElseThrow().owner())
                    .contains(newOwner.mgmtId());
            // §14.7: the old owner, still trusted by the device, tells it to bootstrap (for the new owner's image).
            PushedRequest reset = oldOwner.requestBootstrap(device.id);
            assertThat(reset.responseCode()).contains("2.04");
            assertThat(device.received).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("PUT");
                assertThat(r.path()).isEqualTo("/v1/bootstrap");
                assertThat(r.payload()).isEmpty();
                assertThat(r.from()).map(AssurePeerPrincipal::keyId).contains(oldOwner.keyId());
            });
            // The Owner API refuses the old owner from now on; the new one does not manage it through the old one.
            assertThatThrownBy(() -> oldOwner.transfer(device.id, oldOwner.mgmtId())).isInstanceOfSatisfying(
                    AuthorityException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
            assertThatThrownBy(() -> newOwner.requestBootstrap(device.id)).isInstanceOfSatisfying(
                    AuthorityException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED));
        }
    }

    @Test
    void an_rsa_only_device_bootstraps_through_the_psk_chain_and_reports_presence() throws Exception {
        String caseString = "case-rsa";
        try (TestDevice device = manufacture(Kind.RSA, caseString)) {
            register(oldOwner, "installer-a", device, caseString);
            OpenedImage opened = device.bootstrap(ta.bootstrapAddress());
            assertThat(opened.ownerSequence()).isEqualTo(1);
            assertThat(device.presence(info(device.id)).getCode()).isEqualTo(CoAP.ResponseCode.CHANGED);
            assertThat(oldOwner.registrar().status(device.id).status()).isEqualTo(Registrar.PRESENT);
        }
    }

    @Test
    void timestamp_is_served_over_dtls() throws Exception {
        String caseString = "case-ts";
        try (TestDevice device = manufacture(false, caseString)) {
            register(oldOwner, "installer-a", device, caseString);
            device.bootstrap(ta.bootstrapAddress());
            assertThat(device.presence(info(device.id)).getCode()).isEqualTo(CoAP.ResponseCode.CHANGED);
            // Bad input on the Presence API changes nothing.
            assertThat(device.presenceRaw(new byte[] {(byte) 0x9f}, 60).getCode()).isEqualTo(CoAP.ResponseCode.BAD_REQUEST);
            assertThat(device.presenceRaw(new byte[] {1}, 50).getCode())
                    .isEqualTo(CoAP.ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
            assertThat(device.presenceRaw(new byte[9000], 60).getCode())
                    .isIn(CoAP.ResponseCode.REQUEST_ENTITY_TOO_LARGE, CoAP.ResponseCode.BAD_REQUEST);
            assertThat(oldOwner.registrar().info(device.id)).isEqualTo(info(device.id));
            Response ts = device.timestamp();
            assertThat(ts.getCode()).isEqualTo(CoAP.ResponseCode.CONTENT);
            long now = TimestampCodec.decodePrecision(ts.getPayload()).seconds() + 1_262_304_000L;
            assertThat(Math.abs(now - System.currentTimeMillis() / 1000)).isLessThan(60);
        }
    }

    @Test
    void channels_are_issued_per_section_13_and_pushed_to_each_devices_management_port_over_dtls() throws Exception {
        String caseString = "push-" + UUID.randomUUID();
        try (TestDevice a = manufacture(Kind.EC, caseString); TestDevice b = manufacture(Kind.EC, caseString);
                TestDevice s = manufacture(Kind.SECRET, caseString)) {
            for (TestDevice d : List.of(a, b, s)) {
                register(oldOwner, "installer-a", d, caseString);
                d.bootstrap(ta.bootstrapAddress());
                assertThat(d.serveManagement(info(d.id), false).getCode()).isEqualTo(CoAP.ResponseCode.CHANGED);
            }
            ChannelIssuance ec = oldOwner.issueChannel(a.id, b.id);
            assertThat(ec.deviceErrors()).isEmpty();
            assertThat(ec.complete()).isTrue();
            assertThat(ec.channels()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(ChannelCase.DEVICE_KEYS_EC);
                assertThat(c.requests()).extracting(r -> r.responseCode().orElseThrow()).containsOnly("2.04");
                assertThat(c.requests()).hasSize(4);
            });
            // Each end learned the other's device key and a channel to the other's management port, from the
            // management system's key over an authenticated session.
            for (TestDevice[] ends : new TestDevice[][] {{a, b}, {b, a}}) {
                TestDevice self = ends[0];
                TestDevice peer = ends[1];
                assertThat(self.received).extracting(TestDevice.Received::path)
                        .containsExactly("/v1/keys/" + peer.id, "/v1/channels");
                assertThat(self.received).allSatisfy(r -> {
                    assertThat(r.method()).isEqualTo("PUT");
                    assertThat(r.from()).map(AssurePeerPrincipal::keyId).contains(oldOwner.keyId());
                });
                AuthenticatedKey key = AuthenticatedKeyCodec.decode(self.received.get(0).payload());
                assertThat(key.signature().keyId()).isEqualTo(oldOwner.keyId());
                ChannelConfiguration channel = ChannelConfigurationCodec.decode(self.received.get(1).payload());
                assertThat(channel.localKeyId()).isEqualTo(self.id);
                assertThat(channel.peerKeyId()).contains(peer.id);
                // The channel names the peer's data port (its management port + 1 by default, as 5684/5685 in
                // PROFILE §7), at the address of its presence.
                assertThat(((IpAddress) channel.address()).remotePort()).isEqualTo(peer.managementPort + 1);
                assertThat(((IpAddress) channel.address()).inetAddress()).isEqualTo(InetAddress.getLoopbackAddress());
            }
            // EC with a shared-secret device: a channel key derived for both, the secret device reached by PSK.
            ChannelIssuance mixed = oldOwner.issueChannels(List.of(a.id, s.id), Topology.STAR);
            assertThat(mixed.deviceErrors()).isEmpty();
            assertThat(mixed.channels()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(ChannelCase.CHANNEL_KEY);
                assertThat(c.succeeded()).isTrue();
            });
            assertThat(s.received).extracting(TestDevice.Received::path).hasSize(2).endsWith("/v1/channels");
            assertThat(s.received.get(0).from()).map(AssurePeerPrincipal::credentialType).isPresent();
        }
    }

    @Test
    void devices_without_presence_or_refusing_are_reported_per_device_and_nothing_is_pretended() throws Exception {
        String caseString = "push-fail-" + UUID.randomUUID();
        try (TestDevice a = manufacture(Kind.EC, caseString); TestDevice silent = manufacture(Kind.EC, caseString);
                TestDevice refusing = manufacture(Kind.EC, caseString)) {
            for (TestDevice d : List.of(a, silent, refusing)) {
                register(oldOwner, "installer-a", d, caseString);
                d.bootstrap(ta.bootstrapAddress());
            }
            a.serveManagement(info(a.id), false);
            refusing.serveManagement(info(refusing.id), true);
            ChannelIssuance none = oldOwner.issueChannel(a.id, silent.id);
            assertThat(none.deviceErrors()).containsExactly(java.util.Map.entry(silent.id, "no presence yet"));
            assertThat(none.channels()).isEmpty();
            assertThat(none.complete()).isFalse();
            assertThat(a.received).isEmpty();
            UUID stranger = UUID.randomUUID();
            assertThat(oldOwner.issueChannel(a.id, stranger).deviceErrors()).containsOnlyKeys(stranger);

            ChannelIssuance refused = oldOwner.issueChannel(a.id, refusing.id);
            assertThat(refused.complete()).isFalse();
            assertThat(refused.deviceErrors()).containsOnlyKeys(refusing.id);
            assertThat(refused.deviceErrors().get(refusing.id)).contains("4.03");
            assertThat(refused.channels().get(0).requests()).filteredOn(r -> r.device().equals(a.id))
                    .allMatch(PushedRequest::succeeded);
            assertThat(refused.channels().get(0).requests()).filteredOn(r -> r.device().equals(refusing.id))
                    .extracting(r -> r.responseCode().orElse("not sent")).containsExactly("4.03", "not sent");
        }
    }
}
