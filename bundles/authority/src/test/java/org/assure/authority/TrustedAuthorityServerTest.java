package org.assure.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.internal.http.OwnerApiClient;
import org.assure.authority.internal.http.TlsContexts;
import org.assure.authority.internal.mgmt.BootstrapImages;
import org.assure.authority.internal.mgmt.ManagementKey;
import org.assure.authority.internal.ta.TestWorld;
import org.assure.core.bootstrap.BootstrapImageOpener;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.error.ErrorKind;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.model.BootstrapPayload;
import org.assure.core.model.Bytes;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.Uuids;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Manufacturer and Owner APIs over real HTTPS with client certificates, on the embedded H2 default. */
class TrustedAuthorityServerTest {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static TlsContexts.ClientKey maker;
    private static TrustedAuthorityServer server;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        maker = TestCertificates.selfSigned("maker");
        dir = Files.createTempDirectory("assure-ta");
        server = TrustedAuthorityServer.start(AuthoritySettings.embedded(dir, 0, 0, List.of(maker.certificate())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpClient client(Optional<TlsContexts.ClientKey> key) {
        return HttpClient.newBuilder().sslContext(TlsContexts.client(List.of(server.caCertificate()), key))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpResponse<byte[]> send(Optional<TlsContexts.ClientKey> key, String method, String path, byte[] body)
            throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return client(key).send(HttpRequest.newBuilder(URI.create(server.httpsUri() + path)).method(method, publisher)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static DeviceRecord record(UUID id, String caseString, KeyPair pair) {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        return new DeviceRecord(id, 1, caseString, Optional.empty(), Optional.of(pem), Optional.empty(),
                new DeviceCapabilities(true, false, false, false, false));
    }

    private static byte[] encrypted(DeviceRecord r) {
        return Ecies.encrypt(server.identityServiceKey(), DeviceRecordJson.encode(r), RANDOM);
    }

    record Owner(OwnerApiClient client, String mgmtId, ManagementKey key) {
    }

    private static Owner owner() throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        OwnerApiClient anonymous = new OwnerApiClient(server.httpsUri(), List.of(server.caCertificate()), Optional.empty());
        X509Certificate cert = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(anonymous.register(TestWorld.csr(pair, "CN=o"))));
        byte[] ski = SubjectKeyIdentifier.getInstance(new JcaX509CertificateHolder(cert)
                .getExtension(Extension.subjectKeyIdentifier).getParsedValue()).getKeyIdentifier();
        return new Owner(new OwnerApiClient(server.httpsUri(), List.of(server.caCertificate()),
                Optional.of(new TlsContexts.ClientKey(pair.getPrivate(), cert))), cert.getSerialNumber().toString(16),
                new ManagementKey(Uuids.fromBytes(ski), pair));
    }

    private static ErrorKind kindOf(TestAction a) {
        try {
            a.run();
        } catch (AuthorityException e) {
            return e.kind();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no refusal");
    }

    interface TestAction {
        void run() throws Exception;
    }

    @Test
    void authority_document_is_public_and_holds_exactly_the_public_keys_a_manufacturer_needs() throws Exception {
        HttpResponse<byte[]> answer = send(Optional.empty(), "GET", "/v1/authority", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(answer.body());
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        assertThat(p.nextToken()).isEqualTo(com.fasterxml.jackson.core.JsonToken.START_OBJECT);
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            fields.put(name, p.getText());
        }
        assertThat(fields).containsOnlyKeys("format", "trusted_authority_url", "ca_certificate", "identity_service_key",
                "trusted_authority_key", "trusted_authority_rsa_key", "bootstrap_service_key", "bootstrap_coap");
        assertThat(fields.get("format")).isEqualTo("assure-authority-info/1");
        assertThat(fields.get("trusted_authority_url")).isEqualTo(server.httpsUri().toString());
        X509Certificate ca = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(fields.get("ca_certificate").getBytes()));
        assertThat(ca).isEqualTo(server.caCertificate());
        String identity = fields.get("identity_service_key").replaceAll("-----[A-Z ]+-----|\\s", "");
        assertThat(java.util.Base64.getDecoder().decode(identity)).isEqualTo(server.identityServiceKey().getEncoded());
        assertThat(org.assure.core.cbor.KeyDefinitionCodec.decode(java.util.Base64.getDecoder()
                .decode(fields.get("trusted_authority_key")))).isEqualTo(server.trustedAuthorityKey());
        assertThat(org.assure.core.cbor.KeyDefinitionCodec.decode(java.util.Base64.getDecoder()
                .decode(fields.get("trusted_authority_rsa_key")))).isEqualTo(server.trustedAuthorityRsaKey());
        assertThat(org.assure.core.cbor.KeyDefinitionCodec.decode(java.util.Base64.getDecoder()
                .decode(fields.get("bootstrap_service_key")))).isEqualTo(server.bootstrapServiceKey());
        assertThat(fields.get("bootstrap_coap")).endsWith(":" + server.bootstrapAddress().getPort());
        // Nothing private: no key definition in it carries a private part.
        assertThat(server.trustedAuthorityKey().privateKey().length()).isZero();

        assertThat(send(Optional.empty(), "POST", "/v1/authority", new byte[0]).statusCode()).isEqualTo(405);
        assertThat(send(Optional.empty(), "GET", "/v1/authority?x=1", null).statusCode()).isEqualTo(400);
    }

    @Test
    void manufacturer_api_creates_devices_once_and_refuses_strangers_and_garbage() throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        UUID id = UUID.randomUUID();
        byte[] upload = encrypted(record(id, "case", pair));
        Optional<TlsContexts.ClientKey> m = Optional.of(maker);
        assertThat(send(Optional.empty(), "PUT", "/v1/devices/" + id, upload).statusCode()).isEqualTo(401);
        assertThat(send(m, "PUT", "/v1/devices/" + id, new byte[] {1, 2}).statusCode()).isEqualTo(400);
        assertThat(send(m, "PUT", "/v1/devices/" + id, new byte[70_000]).statusCode()).isEqualTo(413);
        assertThat(send(m, "PUT", "/v1/devices/not-a-uuid", upload).statusCode()).isEqualTo(400);
        assertThat(send(m, "PUT", "/v1/devices/" + id, upload).statusCode()).isEqualTo(201);
        assertThat(send(m, "PUT", "/v1/devices/" + id, upload).statusCode()).isEqualTo(403);
        assertThat(send(m, "DELETE", "/v1/devices/" + id, null).statusCode()).isEqualTo(405);
        assertThat(send(m, "GET", "/v2/anything", null).statusCode()).isEqualTo(404);
        // An owner's certificate is not a manufacturer's.
        Owner o = owner();
        assertThat(kindOf(() -> o.client().claim(id, "wrong"))).isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void parameter_sets_belong_to_their_manufacturer() throws Exception {
        Optional<TlsContexts.ClientKey> m = Optional.of(maker);
        byte[] set = Bytes.fromHex("a1016568656c6c6f").toByteArray();
        HttpResponse<byte[]> created = send(m, "POST", "/v1/parametersets", set);
        assertThat(created.statusCode()).isEqualTo(201);
        UUID id = UUID.fromString(new String(created.body(), StandardCharsets.US_ASCII));
        assertThat(send(m, "GET", "/v1/parametersets/" + id, null).body()).isEqualTo(set);
        assertThat(send(m, "PUT", "/v1/parametersets/" + id, Bytes.fromHex("01").toByteArray()).statusCode())
                .isEqualTo(201);
        assertThat(send(m, "PUT", "/v1/parametersets/" + UUID.randomUUID(), set).statusCode()).isEqualTo(403);
        assertThat(send(m, "POST", "/v1/parametersets", Bytes.fromHex("a101").toByteArray()).statusCode())
                .isEqualTo(400);
        assertThat(send(m, "POST", "/v1/parametersets", Bytes.fromHex("0102").toByteArray()).statusCode())
                .isEqualTo(400);
        assertThat(send(Optional.empty(), "GET", "/v1/parametersets/" + id, null).statusCode()).isEqualTo(401);
        assertThat(send(m, "GET", "/v1/parametersets/" + id, null).body()).isEqualTo(Bytes.fromHex("01").toByteArray());
    }

    @Test
    void owner_api_claims_configures_uploads_transfers_and_releases_with_the_drafts_codes() throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        UUID id = UUID.randomUUID();
        assertThat(send(Optional.of(maker), "PUT", "/v1/devices/" + id, encrypted(record(id, "the case", pair)))
                .statusCode()).isEqualTo(201);
        Owner a = owner();
        Owner b = owner();
        assertThat(send(Optional.empty(), "POST", "/v1/managementsystems", "garbage".getBytes()).statusCode())
                .isEqualTo(400);
        assertThat(kindOf(() -> a.client().claim(id, "wrong case"))).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(kindOf(() -> a.client().claim(UUID.randomUUID(), "the case"))).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(kindOf(() -> a.client().configuration(id))).isEqualTo(ErrorKind.FORBIDDEN);
        a.client().claim(id, "the case");
        assertThat(kindOf(() -> b.client().claim(id, "the case"))).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(kindOf(() -> a.client().transfer(id, "zz"))).isEqualTo(ErrorKind.MALFORMED);
        assertThat(kindOf(() -> a.client().claimAndAssign(id, "the case", "NULL"))).isEqualTo(ErrorKind.MALFORMED);
        assertThat(kindOf(() -> a.client().parameterSet(id))).isEqualTo(ErrorKind.FORBIDDEN);

        ConfigurationData config = a.client().configuration(id);
        assertThat(config.deviceId()).isEqualTo(id);
        BootstrapPayload payload = new BootstrapPayload(List.of(Bytes.fromHex("4201")));
        byte[] image = BootstrapImages.build(config, a.key(), payload, RANDOM);
        assertThat(kindOf(() -> b.client().putBootstrap(id, image))).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(kindOf(() -> a.client().putBootstrap(id, new byte[] {0x00}))).isEqualTo(ErrorKind.MALFORMED);
        a.client().putBootstrap(id, image);
        assertThat(a.client().getBootstrap(id)).isEqualTo(image);
        assertThat(kindOf(() -> b.client().getBootstrap(id))).isEqualTo(ErrorKind.FORBIDDEN);

        a.client().transfer(id, b.mgmtId());
        assertThat(kindOf(() -> a.client().getBootstrap(id))).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(kindOf(() -> b.client().getBootstrap(id))).isEqualTo(ErrorKind.FORBIDDEN);
        ConfigurationData next = b.client().configuration(id);
        assertThat(next.ownerInformation().sequence()).isEqualTo(2);
        b.client().putBootstrap(id, BootstrapImages.build(next, b.key(), payload, RANDOM));
        b.client().release(id);
        assertThat(kindOf(() -> b.client().configuration(id))).isEqualTo(ErrorKind.FORBIDDEN);
        a.client().claimAndAssign(id, "the case", b.mgmtId());
        ConfigurationData last = b.client().configuration(id);
        assertThat(last.ownerInformation().sequence()).isEqualTo(4);

        // Raw requests the client would never send.
        Owner raw = a;
        assertThat(kindOf(() -> raw.client().claim(id, "x"))).isEqualTo(ErrorKind.FORBIDDEN);
        assertThatThrownBy(() -> BootstrapImageOpener.open(image, DeviceStateHolder.none(id)))
                .isInstanceOf(Exception.class);
    }

    /** A device state that trusts nothing: an image must not open. */
    static final class DeviceStateHolder {
        static org.assure.core.bootstrap.DeviceState none(UUID id) {
            return org.assure.core.bootstrap.DeviceState.of(id, org.assure.core.trust.TrustedKeys.of(List.of()), 0);
        }
    }
}
