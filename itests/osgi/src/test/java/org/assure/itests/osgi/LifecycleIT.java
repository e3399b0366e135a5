package org.assure.itests.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assure.authority.ChannelIssuance;
import org.assure.authority.Ecies;
import org.assure.authority.ManagementServer;
import org.assure.authority.ManagementSettings;
import org.assure.authority.PushedRequest;
import org.assure.authority.TrustedAuthorityServer;
import org.assure.channels.ChannelManager;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.json.DeviceStatusJson;
import org.assure.core.model.Bytes;
import org.assure.core.model.IpAddress;
import org.assure.core.model.ChannelState;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.GenerateKeyType;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.Keystore;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The lifecycle with the real components: manufacture → claim → bootstrap → channel → ping over the channel →
 * change of owner → old owner locked out.
 *
 * <p>What runs where: the Trusted Authority is the authority bundle's DS component in this framework, configured
 * through ConfigAdmin (its {@link TrustedAuthorityServer} service gives the test the public keys a manufacturer is
 * given). The two owners are management servers started through the authority bundle's API in this framework (the
 * management server component is a single configuration, and the test must call {@code transfer} and
 * {@code requestBootstrap}, which the component does not offer). Gateway A is this framework's keystore, IP
 * transport, channel manager and bootstrap components; gateway B is the same bundles in a second Equinox the test
 * launches ({@link SecondGateway}). Manufacturer and installer use the HTTPS APIs; everything between gateways,
 * authority and owners is real DTLS/CoAP over loopback UDP.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LifecycleIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSPHRASE = "factory passphrase for the lifecycle";

    private record Device(UUID id, Path identity, Path dir, int managementPort, int dataPort) {
    }

    @Configuration
    public Option[] config() {
        return ExamRuntime.options("lifecycle");
    }

    @Test
    public void manufacture_claim_bootstrap_channel_ping_change_of_owner_lock_out() throws Exception {
        Osgi.collectLog();
        Path dir = Dirs.fresh("lifecycle");
        Https.ClientKey maker = Https.selfSigned("aSSURE itests manufacturer");
        Osgi.configure(ComponentsIT.AUTHORITY, Map.of("dataDirectory", dir.resolve("authority").toString(),
                "httpsPort", Dirs.freeTcpPort(), "bootstrapPort", Dirs.freeUdpPort(),
                "manufacturerCertificates", new String[] {maker.pem()}));
        TrustedAuthorityServer ta = Osgi.service(TrustedAuthorityServer.class);
        step("Trusted Authority component active: " + ta.httpsUri() + ", bootstrap " + ta.bootstrapAddress());

        ManagementServer oldOwner = ManagementServer.start(ManagementSettings.embedded(dir.resolve("owner-a"),
                ta.httpsUri(), ta.caCertificate(), 0, "installer", "installer-a-password",
                new InetSocketAddress("127.0.0.1", Dirs.freeUdpPort())));
        ManagementServer newOwner = ManagementServer.start(ManagementSettings.embedded(dir.resolve("owner-b"),
                ta.httpsUri(), ta.caCertificate(), 0, "installer", "installer-b-password",
                new InetSocketAddress("127.0.0.1", Dirs.freeUdpPort())));
        step("owners registered with the authority: " + oldOwner.mgmtId() + " (old), " + newOwner.mgmtId() + " (new)");
        try {
            String caseString = "case-" + UUID.randomUUID();
            Device a = manufacture(ta, maker, caseString, dir.resolve("gateway-a"));
            Device b = manufacture(ta, maker, caseString, dir.resolve("gateway-b"));
            step("manufactured " + a.id() + " and " + b.id());

            register(oldOwner, "installer-a-password", a.id(), caseString);
            register(oldOwner, "installer-b-password".replace("-b-", "-a-"), b.id(), caseString);
            step("claimed by the old owner (installer registration, images uploaded)");

            configureGateway(a, ta, Osgi::configure);
            try (SecondGateway gatewayB = SecondGateway.start(dir.resolve("framework-b"),
                    Path.of(System.getProperty("assure.itests.dir", "target/itests")).toAbsolutePath()
                            .resolve("lifecycle-gateway-b.log"))) {
                assertThat(Logs.named("lifecycle")).contains("aSSURE keystore started for device " + a.id());
                configureGateway(b, ta, (pid, properties) -> {
                    try {
                        gatewayB.configure(pid, properties);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                awaitPresent(oldOwner, "installer-a-password", a.id());
                awaitPresent(oldOwner, "installer-a-password", b.id());
                step("both gateways bootstrapped and reported presence to the old owner");

                ChannelIssuance issued = oldOwner.issueChannel(a.id(), b.id());
                assertThat(issued.deviceErrors()).isEmpty();
                assertThat(issued.complete()).as(issued.toString()).isTrue();
                ChannelManager channels = Osgi.service(ChannelManager.class);
                Keystore keystoreA = Osgi.service(Keystore.class);
                assertThat(keystoreA.key(b.id())).as("B's device key, pushed to A by the owner").isPresent();
                ManagedChannel data = Osgi.awaitValue("data channel A-B open", () -> channels.channels().stream()
                        .filter(c -> c.origin() == ChannelOrigin.MANAGEMENT
                                && c.configuration().effectivePeerKeyId().equals(b.id())
                                && c.state() == ChannelState.OPEN).findFirst().orElse(null));
                assertThat(data.privileges()).as("a data channel").isEmpty();
                assertThat(((IpAddress) data.configuration().address()).remotePort()).as("B's data port")
                        .isEqualTo(b.dataPort());
                step("owner issued the data channel A-B (keys and definitions pushed over DTLS); channel "
                        + data.id() + " open");

                byte[] hello = ("ping from " + a.id()).getBytes(StandardCharsets.UTF_8);
                ManagementResponse pong = channels.send(data.id(), new ManagementRequest(ManagementMethod.GET,
                        List.of("v1", "ping"), List.of(), OptionalInt.empty(), Bytes.of(hello)))
                        .toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertThat(pong.status().isSuccess()).as(pong.status().toString()).isTrue();
                assertThat(pong.payload().toByteArray()).isEqualTo(hello);
                step("ping over the channel answered by gateway B: " + pong.status());

                oldOwner.transfer(a.id(), newOwner.mgmtId());
                register(newOwner, "installer-b-password", a.id(), caseString);
                PushedRequest reset = oldOwner.requestBootstrap(a.id());
                assertThat(reset.succeeded()).as(reset.toString()).isTrue();
                awaitPresent(newOwner, "installer-b-password", a.id());
                step("change of owner: A bootstrapped again and reported presence to the new owner");

                Keystore keystore = Osgi.service(Keystore.class);
                assertThat(keystore.keys()).extracting(KeyInfo::keyId).doesNotContain(oldOwner.keyId())
                        .contains(newOwner.keyId());
                Throwable refused = null;
                try {
                    PushedRequest again = oldOwner.requestBootstrap(a.id());
                    assertThat(again.succeeded()).as("the old owner reaching A: " + again).isFalse();
                } catch (org.assure.authority.AuthorityException e) {
                    refused = e;
                }
                step("old owner locked out" + (refused == null ? "" : ": " + refused.getMessage()));
                // secrets given in configurations and to the APIs never reach a log
                for (String secret : List.of(PASSPHRASE, "installer-a-password", "installer-b-password")) {
                    assertThat(Logs.named("lifecycle")).doesNotContain(secret);
                    assertThat(Logs.named("lifecycle-gateway-b")).doesNotContain(secret);
                    assertThat(Osgi.loggedAll()).noneMatch(line -> line.contains(secret));
                }
            }
        } finally {
            newOwner.close();
            oldOwner.close();
            Osgi.deleteConfiguration(ComponentsIT.AUTHORITY);
        }
    }

    private static void step(String text) {
        System.out.println("LIFECYCLE " + text);
    }

    private interface Configurer {
        void configure(String pid, Map<String, Object> properties);
    }

    /** A gateway's components: keystore from its factory identity, IP transport on loopback, channels, bootstrap. */
    private static void configureGateway(Device device, TrustedAuthorityServer ta, Configurer configurer) {
        configurer.configure(ComponentsIT.KEYSTORE, Map.of("data.directory", device.dir().resolve("store").toString(),
                "factory.identity.file", device.identity().toString(), "factory.passphrase", PASSPHRASE));
        configurer.configure(ComponentsIT.IP, Map.of("bind.address", "127.0.0.1",
                "management.port", device.managementPort(), "data.port", device.dataPort()));
        configurer.configure(ComponentsIT.CHANNELS, Map.of("retry.initial.seconds", 1, "retry.max.seconds", 2));
        Map<String, Object> bootstrap = new HashMap<>(Map.of("server.host", "127.0.0.1",
                "server.port", ta.bootstrapAddress().getPort(), "retry.initial.seconds", 1, "retry.max.seconds", 2,
                "goodbye.timeout.seconds", 1));
        configurer.configure(ComponentsIT.BOOTSTRAP, bootstrap);
    }

    /** The manufacturer: a device key, the factory identity file, the device record uploaded to the authority. */
    private static Device manufacture(TrustedAuthorityServer ta, Https.ClientKey maker, String caseString, Path dir)
            throws Exception {
        UUID id = UUID.randomUUID();
        KeyPair key = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        Path identity = FactoryIdentity.writeEc(dir.resolve("factory-identity.properties"), id, 1, key,
                ta.trustedAuthorityKey(), PASSPHRASE);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        DeviceRecord record = new DeviceRecord(id, 1, caseString, Optional.empty(), Optional.of(pem), Optional.empty(),
                new DeviceCapabilities(true, false, false, false, false));
        HttpClient client = Https.client(ta.caCertificate(), Optional.of(maker));
        HttpResponse<byte[]> response = Https.send(client, HttpRequest.newBuilder(
                Https.uri(ta.httpsUri(), "/v1/devices/" + id, null)).PUT(HttpRequest.BodyPublishers.ofByteArray(
                        Ecies.encrypt(ta.identityServiceKey(), DeviceRecordJson.encode(record), RANDOM))).build());
        assertThat(response.statusCode()).as("Manufacturer API upload").isEqualTo(201);
        // PROFILE §7's pairing, data port = management port + 1, which the management server assumes (item 44)
        int management = Dirs.freeUdpPortPair();
        return new Device(id, identity, dir, management, management + 1);
    }

    /** The installer registers the device with a management server (Registration API, draft §11.2). */
    private static void register(ManagementServer owner, String password, UUID device, String caseString)
            throws Exception {
        HttpResponse<byte[]> response = Https.send(Https.client(owner.tlsCertificate(), Optional.empty()),
                HttpRequest.newBuilder(Https.uri(owner.registrationUri(), "/v1/devices/" + device,
                        "case_string=" + Https.encode(caseString)))
                        .header("Authorization", Https.basic("installer", password))
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as("registration of " + device + ": "
                + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    }

    /** Waits for the management server to report the device present (status 3, draft §11.2). */
    private static void awaitPresent(ManagementServer owner, String password, UUID device) throws Exception {
        HttpClient client = Https.client(owner.tlsCertificate(), Optional.empty());
        String[] last = {""};
        try {
            Osgi.await(device + " present at " + owner.mgmtId(), () -> {
                try {
                    HttpResponse<byte[]> response = Https.send(client, HttpRequest.newBuilder(
                            Https.uri(owner.registrationUri(), "/v1/devices/" + device + "/status", null))
                            .header("Authorization", Https.basic("installer", password)).GET().build());
                    last[0] = response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
                    return response.statusCode() == 200 && DeviceStatusJson.decode(response.body()).status() == 3;
                } catch (Exception e) {
                    last[0] = e.toString();
                    return false;
                }
            }, java.time.Duration.ofSeconds(60));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last status " + last[0] + "\n"
                    + Osgi.describe(ComponentsIT.BOOTSTRAP), e);
        }
    }
}
