package org.assure.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.internal.http.TlsContexts;
import org.assure.authority.internal.mgmt.Registrar;
import org.assure.core.bootstrap.BootstrapImageOpener;
import org.assure.core.bootstrap.DeviceState;
import org.assure.core.bootstrap.OpenedImage;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.json.DeviceStatusJson;
import org.assure.core.model.Bytes;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.IpAddress;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Registration API of a management server against a real Trusted Authority, both over HTTPS. */
class ManagementServerTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final InetSocketAddress COAP = new InetSocketAddress("127.0.0.1", freeUdpPort());
    private static TlsContexts.ClientKey maker;
    private static TrustedAuthorityServer ta;
    private static ManagementServer ms;

    static int freeUdpPort() {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        maker = TestCertificates.selfSigned("maker");
        Path dir = Files.createTempDirectory("assure-ms");
        ta = TrustedAuthorityServer.start(AuthoritySettings.embedded(dir, 0, 0, List.of(maker.certificate())));
        ms = ManagementServer.start(ManagementSettings.embedded(dir, ta.httpsUri(), ta.caCertificate(), 0, "installer",
                "correct horse", COAP));
    }

    @AfterAll
    static void stop() {
        ms.close();
        ta.close();
    }

    record Device(UUID id, String caseString, KeyPair pair) {
        DeviceState state() throws Exception {
            return DeviceState.of(id, TrustedKeys.of(List.of(
                    TrustedKey.anchor(new EcKey(id, Keys.encodePublic(pair.getPublic()), Keys.encodePrivate(pair.getPrivate())),
                            IdentityClass.DEVICE),
                    TrustedKey.anchor(ta.trustedAuthorityKey(), IdentityClass.TRUSTED_AUTHORITY))), 0);
        }
    }

    static Device manufacture() throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        UUID id = UUID.randomUUID();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        DeviceRecord record = new DeviceRecord(id, 1, "case " + id, Optional.empty(), Optional.of(pem), Optional.empty(),
                new DeviceCapabilities(true, false, false, false, false));
        HttpClient client = HttpClient.newBuilder().sslContext(TlsContexts.client(List.of(ta.caCertificate()),
                Optional.of(maker))).build();
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(ta.httpsUri() + "/v1/devices/" + id))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Ecies.encrypt(ta.identityServiceKey(),
                        DeviceRecordJson.encode(record), RANDOM))).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(201);
        return new Device(id, "case " + id, pair);
    }

    static HttpResponse<byte[]> call(String method, String pathAndQuery, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TlsContexts.client(List.of(ms.tlsCertificate()),
                Optional.empty())).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ms.registrationUri() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> call(String method, String pathAndQuery) throws Exception {
        return call(method, pathAndQuery, "installer", "correct horse");
    }

    static String q(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void registering_claims_the_device_and_uploads_an_image_that_opens_a_management_channel() throws Exception {
        Device d = manufacture();
        assertThat(call("POST", "/v1/devices/" + d.id() + "?case_string=" + q(d.caseString()), null, null).statusCode())
                .isEqualTo(401);
        assertThat(call("POST", "/v1/devices/" + d.id() + "?case_string=" + q(d.caseString()), "installer", "wrong")
                .statusCode()).isEqualTo(401);
        assertThat(call("POST", "/v1/devices/" + d.id() + "?case_string=wrong").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/v1/devices/" + d.id() + "/status").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/v1/devices/" + d.id()).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/v1/devices/nope?case_string=x").statusCode()).isEqualTo(400);

        assertThat(call("POST", "/v1/devices/" + d.id() + "?case_string=" + q(d.caseString())).statusCode()).isEqualTo(201);
        assertThat(ta.services().trustedAuthority().ownership(d.id()).orElseThrow().owner()).contains(ms.mgmtId());
        HttpResponse<byte[]> status = call("GET", "/v1/devices/" + d.id() + "/status");
        assertThat(DeviceStatusJson.decode(status.body()).status()).isEqualTo(Registrar.CONFIGURED);
        assertThat(call("GET", "/v1/devices/" + d.id() + "/info").statusCode()).isEqualTo(503);

        byte[] image = ta.services().trustedAuthority().bootstrapImage(d.id()).orElseThrow();
        OpenedImage opened = BootstrapImageOpener.open(image, d.state());
        assertThat(opened.payload().coapMessages()).hasSize(1);
        Request put = (Request) new UdpDataParser().parseMessage(opened.payload().coapMessages().get(0).toByteArray());
        assertThat(put.getOptions().getUriPathString()).isEqualTo("v1/channels");
        ChannelConfiguration channel = ChannelConfigurationCodec.decode(put.getPayload());
        assertThat(channel.localKeyId()).isEqualTo(d.id());
        assertThat(channel.peerKeyId()).contains(ms.identity().key().keyId());
        assertThat(channel.address()).isEqualTo(IpAddress.of(COAP.getAddress(), 0, COAP.getPort()));
        assertThat(channel.flags().channelManagement()).isTrue();

        DeviceInfo info = new DeviceInfo(d.id(), Bytes.fromHex("001122334455"), "maker", "p1", "s1", "2026-12-05", "sw",
                "swp", "1.0");
        ms.registrar().presence(d.id(), d.id(), info);
        assertThat(org.assure.core.json.DeviceInfoJson.decode(call("GET", "/v1/devices/" + d.id() + "/info").body()))
                .isEqualTo(info);
        assertThat(DeviceStatusJson.decode(call("GET", "/v1/devices/" + d.id() + "/status").body()).status())
                .isEqualTo(Registrar.PRESENT);
    }

    @Test
    void replacing_a_device_disables_and_releases_the_old_one() throws Exception {
        Device old = manufacture();
        Device fresh = manufacture();
        assertThat(call("POST", "/v1/devices/" + old.id() + "?case_string=" + q(old.caseString())).statusCode())
                .isEqualTo(201);
        assertThat(call("POST", "/v1/devices/" + old.id() + "/replace?uuid=" + fresh.id()).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/v1/devices/" + fresh.id() + "?case_string=" + q(fresh.caseString())).statusCode())
                .isEqualTo(201);
        assertThat(call("POST", "/v1/devices/" + old.id() + "/replace?uuid=bad").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/v1/devices/" + old.id() + "/replace?uuid=" + fresh.id()).statusCode()).isEqualTo(405);
        assertThat(call("POST", "/v1/devices/" + old.id() + "/replace?uuid=" + fresh.id()).statusCode()).isEqualTo(201);
        assertThat(DeviceStatusJson.decode(call("GET", "/v1/devices/" + old.id() + "/status").body()).status())
                .isEqualTo(Registrar.DISABLED);
        assertThat(ta.services().trustedAuthority().ownership(old.id()).orElseThrow().owner()).isEmpty();
        assertThat(ta.services().trustedAuthority().bootstrapImage(old.id())).isEmpty();
        assertThat(call("POST", "/v1/devices/" + old.id() + "/replace?uuid=" + fresh.id()).statusCode()).isEqualTo(401);
        // The old device can no longer claim to be present.
        assertThat(call("GET", "/v1/devices/" + fresh.id() + "/status").statusCode()).isEqualTo(200);
    }

    @Test
    void the_channels_extension_rejects_bad_input_and_reports_devices_without_presence() throws Exception {
        Device d = manufacture();
        assertThat(call("POST", "/v1/devices/" + d.id() + "?case_string=" + q(d.caseString())).statusCode())
                .isEqualTo(201);
        java.util.UUID other = java.util.UUID.randomUUID();
        String both = d.id() + "," + other;
        assertThat(call("POST", "/v1/channels?topology=mesh&devices=" + both).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/v1/channels?topology=star&devices=" + d.id()).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/v1/channels?topology=star&devices=" + d.id() + "," + d.id()).statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/v1/channels?topology=star&devices=" + d.id() + ",x").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/v1/channels?topology=star&devices=" + both + "&extra=1").statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/v1/channels?topology=star&devices=" + both).statusCode()).isEqualTo(405);
        assertThat(call("POST", "/v1/channels?topology=star&devices=" + both, "installer", "wrong").statusCode())
                .isEqualTo(401);
        HttpResponse<byte[]> answer = call("POST", "/v1/channels?topology=star&devices=" + both);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"complete\":false,\"channels\":[],"
                + "\"errors\":{" + (d.id().toString().compareTo(other.toString()) < 0
                        ? "\"" + d.id() + "\":\"no presence yet\",\"" + other + "\":\"not a configured device of this management server\""
                        : "\"" + other + "\":\"not a configured device of this management server\",\"" + d.id() + "\":\"no presence yet\"")
                + "}}");
    }
}
