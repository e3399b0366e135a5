package org.assure.itests.gateway;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.Ecies;
import org.assure.authority.ManagementServer;
import org.assure.authority.SharedSecretAnchors;
import org.assure.authority.TrustedAuthorityServer;
import org.assure.authority.internal.http.TlsContexts;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;
import org.assure.keystore.internal.GatewayKeystores;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A manufacturer (draft §6.2, §9.2.1): makes a device identity, uploads its ECIES-encrypted record to the Trusted
 * Authority's Manufacturer API with its client certificate, writes the factory identity file the gateway's keystore
 * reads; and, as an installer, registers a device with a management server (§11.2.1: claim by case string).
 */
public final class Factory {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final TrustedAuthorityServer ta;
    private final TlsContexts.ClientKey maker;
    private final Path dir;

    public enum Kind { EC, RSA, SHARED_SECRET }

    /** A manufactured device: what its box holds (identity file, passphrase) and its QR code's case string. */
    public record Device(UUID id, Kind kind, String caseString, Path identityFile, String passphrase) {
        @Override
        public String toString() {
            return "Device[" + id + ", " + kind + "]";
        }
    }

    public Factory(TrustedAuthorityServer ta, TlsContexts.ClientKey maker, Path dir) {
        this.ta = ta;
        this.maker = maker;
        this.dir = dir;
    }

    /** A self-signed manufacturer client certificate, to be configured at the Trusted Authority. */
    public static TlsContexts.ClientKey manufacturerCertificate() throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        X500Name name = new X500Name("CN=test manufacturer");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, RANDOM).setBit(63), Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plusSeconds(86_400)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        return new TlsContexts.ClientKey(pair.getPrivate(), cert);
    }

    public Device make(Kind kind) throws Exception {
        UUID id = UUID.randomUUID();
        byte[] caseId = new byte[16];
        RANDOM.nextBytes(caseId);
        String caseString = HexFormat.of().formatHex(caseId);
        String passphrase = "factory-" + UUID.randomUUID();
        Optional<SecretBytes> secret = Optional.empty();
        Optional<String> pem = Optional.empty();
        String identity;
        DeviceCapabilities capabilities;
        switch (kind) {
            case EC, RSA -> {
                KeyPair pair = KeyGeneration.generate(kind == Kind.EC ? GenerateKeyType.EC_P256
                        : GenerateKeyType.RSA_2048, RANDOM);
                pem = Optional.of("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                        pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
                identity = kind == Kind.EC
                        ? GatewayKeystores.identity(id, 1, new EcKey(id, Keys.encodePublic(pair.getPublic()),
                                Keys.encodePrivate(pair.getPrivate())), ta.trustedAuthorityKey(), passphrase.toCharArray())
                        // An RSA-only device cannot verify ECDSA: its anchor is the authority's RSA key.
                        : GatewayKeystores.identity(id, 1, new RsaKey(id, Keys.encodePublic(pair.getPublic()),
                                Keys.encodePrivate(pair.getPrivate())), ta.trustedAuthorityRsaKey(),
                                passphrase.toCharArray());
                capabilities = new DeviceCapabilities(kind == Kind.EC, kind == Kind.RSA, false, false, false);
            }
            default -> {
                SecretBytes deviceSecret = KeyGeneration.randomSecret(32, RANDOM);
                secret = Optional.of(deviceSecret);
                identity = GatewayKeystores.identity(id, 1, id, deviceSecret, SharedSecretAnchors.definition(id),
                        passphrase.toCharArray());
                capabilities = DeviceCapabilities.MINIMAL;
            }
        }
        DeviceRecord record = new DeviceRecord(id, 1, caseString, secret, pem, Optional.empty(), capabilities);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TlsContexts.client(List.of(ta.caCertificate()), Optional.of(maker))).build();
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(ta.httpsUri() + "/v1/devices/" + id))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Ecies.encrypt(ta.identityServiceKey(),
                        DeviceRecordJson.encode(record), RANDOM))).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload refused: " + response.statusCode());
        }
        Path file = dir.resolve(id + ".identity");
        Files.createDirectories(dir);
        Files.writeString(file, identity);
        return new Device(id, kind, caseString, file, passphrase);
    }

    /** The installer registers {@code device} at {@code server} by its case string (§11.2.1); answers the status. */
    public static int register(ManagementServer server, String password, Device device) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TlsContexts.client(List.of(server.tlsCertificate()), Optional.empty())).build();
        return client.send(HttpRequest.newBuilder(URI.create(server.registrationUri() + "/v1/devices/" + device.id()
                + "?case_string=" + URLEncoder.encode(device.caseString(), StandardCharsets.UTF_8)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("installer:" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
