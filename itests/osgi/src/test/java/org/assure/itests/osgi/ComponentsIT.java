package org.assure.itests.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.ACTIVE;
import static org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.FAILED_ACTIVATION;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.assure.bootstrap.BootstrapService;
import org.assure.bootstrap.BootstrapStatus;
import org.assure.channels.DeviceManagement;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.core.cbor.DeviceInfoCodec;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.DeviceInfo;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.transport.ChannelTransport;
import org.assure.keystore.Keystore;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerContext;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.eclipse.kura.message.KuraPayload;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * Every gateway component in a real framework, configured through ConfigAdmin as Kura's configuration service does:
 * it activates once its configuration exists (defaults for everything but the files and addresses a test must give),
 * takes a changed value (and shows it), and refuses a bad value cleanly: it is deactivated, SCR records and logs a
 * message naming the property, nothing it keeps is changed, and a good configuration brings it back as it was.
 *
 * <p>The tests run in name order and build one gateway: keystore, IP transport, channels, bootstrap, then Kura's
 * events and remote operations, each test adding the component the next one needs; then the Trusted Authority
 * and management server components of the authority bundle (a walled-garden gateway runs them beside the others).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ComponentsIT {
    static final String KEYSTORE = "org.assure.keystore";
    static final String IP = "org.assure.channels.ip";
    static final String CHANNELS = "org.assure.channels";
    static final String BOOTSTRAP = "org.assure.bootstrap";
    static final String EVENTS = "org.assure.kura.CloudEventPublisher";
    static final String REMOTE = "org.assure.kura.CloudRequestHandler";
    static final String AUTHORITY = "org.assure.authority.TrustedAuthority";
    static final String MANAGEMENT = "org.assure.authority.ManagementServer";
    private static final String PASSPHRASE = "factory passphrase 7Qx!";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static CryptoService crypto;
    private static UUID deviceId;
    private static Map<String, Object> keystoreConfig;

    @Configuration
    public Option[] config() {
        return ExamRuntime.options("components");
    }

    @BeforeClass
    public static synchronized void runtime() {
        // Pax Exam runs @BeforeClass before each test method (one JUnit request per method): once is enough
        if (crypto != null) {
            return;
        }
        Osgi.collectLog();
        // Kura's CryptoService is part of every Kura; remote operations require it, the keystore uses it
        crypto = new AesCryptoService();
        Osgi.register(CryptoService.class, crypto, Map.of("kura.service.pid", "org.eclipse.kura.crypto.CryptoService"));
    }

    // ---- keystore ----

    @Test
    public void a_keystore_activates_reconfigures_and_refuses_bad_values() throws Exception {
        Path dir = Dirs.fresh("keystore");
        deviceId = UUID.randomUUID();
        KeyPair device = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        KeyPair ta = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        Path identity = FactoryIdentity.writeEc(dir.resolve("factory-identity.properties"), deviceId, 4711, device,
                EcKey.publicKey(UUID.randomUUID(), Keys.encodePublic(ta.getPublic())), PASSPHRASE);
        // Kura hands PASSWORD attributes to components encrypted by its CryptoService
        keystoreConfig = new HashMap<>(Map.of("data.directory", dir.resolve("store").toString(),
                "factory.identity.file", identity.toString(),
                "factory.passphrase", new String(crypto.encryptAes(PASSPHRASE.toCharArray()))));
        Osgi.configure(KEYSTORE, keystoreConfig);

        Keystore keystore = Osgi.service(Keystore.class);
        assertThat(Osgi.state(KEYSTORE)).as(Osgi.stateName(Osgi.state(KEYSTORE))).isEqualTo(ACTIVE);
        assertThat(keystore.deviceId()).isEqualTo(deviceId);
        assertThat(keystore.capacity()).isEqualTo(64); // the metatype default
        AuthenticatedKey generated = keystore.generateKey(GenerateKeyType.EC_P256, true);

        // a changed value is taken (the component is re-activated with it) and the store is kept
        reconfigure(KEYSTORE, keystoreConfig, Map.of("capacity", 5));
        Keystore resized = awaitService(Keystore.class, null, k -> k.capacity() == 5);
        assertThat(resized.key(generated.keyId())).isPresent();
        assertThat(resized.size()).isEqualTo(1);

        // bad values: refused, the component deactivated, the message names the property, the store untouched
        Path store = dir.resolve("store").resolve("keystore.dat");
        byte[] before = Files.readAllBytes(store);
        refuse(KEYSTORE, Keystore.class, null, keystoreConfig, Map.of("capacity", 0), "capacity: must be 1..");
        refuse(KEYSTORE, Keystore.class, null, keystoreConfig,
                Map.of("factory.passphrase", new String(crypto.encryptAes("wrong passphrase".toCharArray()))),
                "does not decrypt: wrong passphrase or altered file");
        refuse(KEYSTORE, Keystore.class, null, keystoreConfig,
                Map.of("factory.identity.file", dir.resolve("missing.properties").toString()), "missing.properties");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
        assertThat(Logs.slf4j()).contains("aSSURE keystore not started").doesNotContain(PASSPHRASE);
        assertThat(Osgi.loggedAll()).noneMatch(line -> line.contains(PASSPHRASE));

        // the good configuration brings it back with what it had
        Osgi.configure(KEYSTORE, keystoreConfig);
        Keystore back = awaitService(Keystore.class, null, k -> k.capacity() == 64);
        assertThat(back.key(generated.keyId())).isPresent();
        assertThat(back.deviceId()).isEqualTo(deviceId);
    }

    // ---- IP transport ----

    @Test
    public void b_ip_transport_activates_reconfigures_and_refuses_bad_values() {
        // defaults: every address, ports 5684/5685 (nothing is bound until the channel manager uses the transport)
        Osgi.configure(IP, Map.of());
        ChannelTransport transport = Osgi.service(ChannelTransport.class);
        assertThat(Osgi.state(IP)).isEqualTo(ACTIVE);
        assertThat(transport.name()).isEqualTo("ip");

        refuse(IP, ChannelTransport.class, null, Map.of(), Map.of("bind.address", "gateway.example"),
                "bind_address must be an IP address literal");

        // the loopback address and free ports, so that the tests run beside anything else on this host
        int management = Dirs.freeUdpPort();
        int data = Dirs.freeUdpPort();
        Osgi.configure(IP, Map.of("bind.address", "127.0.0.1", "management.port", management, "data.port", data));
        awaitService(ChannelTransport.class, null, t -> true);
        assertThat(Osgi.configurations(IP).get(0).properties).containsEntry("management.port", management);
    }

    // ---- channels ----

    @Test
    public void c_channels_activate_reconfigure_and_refuse_bad_values() {
        Map<String, Object> ip = Osgi.configuration(IP);
        int management = (Integer) ip.get("management.port");
        Osgi.configure(CHANNELS, Map.of());
        DeviceManagement api = Osgi.service(DeviceManagement.class);
        assertThat(Osgi.state(CHANNELS)).isEqualTo(ACTIVE);
        assertThat(info(api).deviceId()).isEqualTo(deviceId);
        assertThat(info(api).manufacturer()).isEmpty();
        // the channel manager bound the IP transport's management port
        Osgi.await("management port bound", () -> Dirs.udpPortInUse(management));

        Osgi.configure(CHANNELS, Map.of("device.manufacturer", "ACME Gateways"));
        DeviceManagement changed = awaitService(DeviceManagement.class, null,
                d -> info(d).manufacturer().equals("ACME Gateways"));
        assertThat(info(changed).deviceId()).isEqualTo(deviceId);

        // a changed transport is taken up by the channel manager: the new port is bound, the old one released
        int moved = Dirs.freeUdpPort();
        Osgi.configure(IP, Map.of("bind.address", "127.0.0.1", "management.port", moved, "data.port", 0));
        Osgi.await("new management port bound", () -> Dirs.udpPortInUse(moved));
        Osgi.await("old management port released", () -> !Dirs.udpPortInUse(management));

        refuse(CHANNELS, DeviceManagement.class, null, Map.of("device.manufacturer", "ACME Gateways"),
                Map.of("device.mac.address", "zz:zz"), "device_mac_address must be hex digits");
        refuse(CHANNELS, DeviceManagement.class, null, Map.of(), Map.of("max.channels", 0), "maxChannels must be 1..1024");
        refuse(CHANNELS, DeviceManagement.class, null, Map.of(), Map.of("handshake.timeout.seconds", 2,
                "retransmission.initial.ms", 5000), "retransmission.initial.ms must be shorter than handshake.timeout.seconds");
        Osgi.await("management port released by the deactivated channel manager", () -> !Dirs.udpPortInUse(moved));

        Osgi.configure(CHANNELS, Map.of("device.manufacturer", "ACME Gateways"));
        awaitService(DeviceManagement.class, null, d -> info(d).manufacturer().equals("ACME Gateways"));
        Osgi.await("management port bound again", () -> Dirs.udpPortInUse(moved));
    }

    private static DeviceInfo info(DeviceManagement api) {
        ManagementResponse response = api.handle(ManagementRequest.of(ManagementMethod.GET, "v1", "info"),
                new ManagementContext(Set.of(), OptionalLong.empty(), Optional.empty(), Optional.empty()));
        assertThat(response.status().isSuccess()).as(response.status().toString()).isTrue();
        try {
            return DeviceInfoCodec.decode(response.payload().toByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- bootstrap ----

    @Test
    public void d_bootstrap_activates_reconfigures_and_refuses_bad_values() throws Exception {
        // defaults: bootstrap at once (no management channel yet) from <server id>.bootstrap.assure.invalid, which
        // does not resolve: the client waits to retry
        Osgi.configure(BOOTSTRAP, Map.of());
        BootstrapService bootstrap = Osgi.service(BootstrapService.class);
        assertThat(Osgi.state(BOOTSTRAP)).isEqualTo(ACTIVE);
        Osgi.await("first bootstrap attempt failed", () -> bootstrap.status().phase()
                == BootstrapStatus.Phase.WAITING_TO_RETRY);
        assertThat(bootstrap.status().last()).isPresent();

        // the server changed to a UDP socket of this test: the next attempt's DTLS ClientHello arrives there
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(20_000);
            Osgi.configure(BOOTSTRAP, Map.of("server.host", "127.0.0.1", "server.port", server.getLocalPort(),
                    "request.timeout.seconds", 3, "handshake.timeout.seconds", 2));
            DatagramPacket hello = new DatagramPacket(new byte[2048], 2048);
            try {
                server.receive(hello);
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no ClientHello from the reconfigured bootstrap client; " + Osgi.describe(BOOTSTRAP));
            }
            // DTLS record: content type 22 (handshake), version 254.253 (DTLS 1.2) or 254.255 (1.0 in a first flight)
            assertThat(hello.getData()[0]).isEqualTo((byte) 22);
            assertThat(hello.getData()[1]).isEqualTo((byte) 254);
        }

        refuse(BOOTSTRAP, BootstrapService.class, null, Map.of(), Map.of("server.port", 0),
                "server_port must be within 1..65535");
        refuse(BOOTSTRAP, BootstrapService.class, null, Map.of(), Map.of("bind.address", "gateway.example"),
                "bind_address must be an IP address");
        // the metatype's minimum; 1 s was accepted by the form and then failed deep in the DTLS engine
        refuse(BOOTSTRAP, BootstrapService.class, null, Map.of(), Map.of("handshake.timeout.seconds", 1),
                "handshake_timeout_seconds must be within 2..600");
        Osgi.configure(BOOTSTRAP, Map.of("auto.bootstrap", false));
        BootstrapService back = awaitService(BootstrapService.class, null, b -> true);
        assertThat(back.status().phase()).isEqualTo(BootstrapStatus.Phase.IDLE);
    }

    // ---- Kura: cloud events ----

    @Test
    public void e_cloud_events_activate_publish_through_the_chosen_publisher_and_refuse_bad_values() throws Exception {
        RecordingPublisher publisher = new RecordingPublisher();
        Osgi.register(CloudPublisher.class, publisher, Map.of("kura.service.pid", "assure-test-publisher"));
        String component = "(service.pid=" + EVENTS + ")";

        // defaults: the target filter names no publisher yet ("changeme"), events are dropped
        Osgi.configure(EVENTS, Map.of());
        Osgi.service(ConfigurableComponent.class, component);
        assertThat(Osgi.state(EVENTS)).isEqualTo(ACTIVE);

        Map<String, Object> chosen = Map.of("CloudPublisher.target", "(kura.service.pid=assure-test-publisher)",
                "key.poll.seconds", 1, "asset.name", "gateway-1");
        Osgi.configure(EVENTS, chosen);
        awaitService(ConfigurableComponent.class, component, c -> Osgi.state(EVENTS) == ACTIVE
                && "gateway-1".equals(Osgi.configurations(EVENTS).get(0).properties.get("asset.name")));
        Keystore keystore = Osgi.service(Keystore.class);
        AuthenticatedKey key = keystore.generateKey(GenerateKeyType.EC_P256, true);
        KuraMessage event = Osgi.awaitValue("key.added published", () -> publisher.published.stream()
                .filter(m -> "key.added".equals(m.getPayload().getMetric("event"))).findFirst().orElse(null));
        assertThat(event.getProperties()).containsEntry("assetName", "gateway-1").containsEntry("eventType", "key.added");
        assertThat(event.getPayload().metrics().values()).anyMatch(v -> v.equals(key.keyId().toString()));

        refuse(EVENTS, ConfigurableComponent.class, component, chosen, Map.of("asset.name", "not a name!"),
                "asset.name must be");
        int published = publisher.published.size();
        keystore.deleteKey(key.keyId());
        Osgi.sleep(2000); // two key polls
        assertThat(publisher.published).as("a deactivated component publishes nothing").hasSize(published);

        Map<String, Object> renamed = new HashMap<>(chosen);
        renamed.put("asset.name", "gateway-one");
        Osgi.configure(EVENTS, renamed);
        awaitService(ConfigurableComponent.class, component, c -> Osgi.state(EVENTS) == ACTIVE);
        keystore.generateKey(GenerateKeyType.EC_P256, true);
        Osgi.await("event with the new asset name", () -> publisher.published.stream()
                .anyMatch(m -> "gateway-one".equals(m.getProperties().get("assetName"))));
    }

    // ---- Kura: remote operations ----

    @Test
    public void f_remote_operations_register_answer_reconfigure_and_refuse_bad_values() throws Exception {
        RecordingRegistry registry = new RecordingRegistry();
        Osgi.register(RequestHandlerRegistry.class, registry, Map.of("kura.service.pid", "assure-test-connection"));
        String component = "(service.pid=" + REMOTE + ")";

        Osgi.configure(REMOTE, Map.of());
        Osgi.service(ConfigurableComponent.class, component);
        assertThat(Osgi.state(REMOTE)).isEqualTo(ACTIVE);
        Osgi.await("registered as ASSURE-V1", () -> registry.handlers.containsKey("ASSURE-V1"));
        KuraMessage reply = keys(registry.handlers.get("ASSURE-V1"), null);
        assertThat(reply.getPayload().getMetric("response.code")).isEqualTo(200);
        assertThat(reply.getPayload().getMetric("key.count")).isEqualTo(Osgi.service(Keystore.class).keys().size());

        // a token (PASSWORD attribute, encrypted by Kura) and another application id
        String token = "remote token 42";
        Osgi.configure(REMOTE, Map.of("app.id", "ASSURE-TEST",
                "request.token", new String(crypto.encryptAes(token.toCharArray()))));
        Osgi.await("registered as ASSURE-TEST only", () -> registry.handlers.containsKey("ASSURE-TEST")
                && !registry.handlers.containsKey("ASSURE-V1"));
        RequestHandler handler = registry.handlers.get("ASSURE-TEST");
        assertThat(keys(handler, null).getPayload().getMetric("response.code")).isEqualTo(403);
        assertThat(keys(handler, token).getPayload().getMetric("response.code")).isEqualTo(200);

        refuse(REMOTE, ConfigurableComponent.class, component, Map.of(), Map.of("app.id", "bad id!"), "app.id must be");
        Osgi.await("unregistered when deactivated", () -> registry.handlers.isEmpty());
        assertThat(Logs.slf4j()).doesNotContain(token);

        Osgi.configure(REMOTE, Map.of());
        Osgi.service(ConfigurableComponent.class, component);
        Osgi.await("registered again", () -> registry.handlers.containsKey("ASSURE-V1"));
    }

    private static KuraMessage keys(RequestHandler handler, String token) throws Exception {
        KuraPayload payload = new KuraPayload();
        if (token != null) {
            payload.addMetric("request.token", token);
        }
        return handler.doGet(new RequestHandlerContext(null, Map.of()),
                new KuraMessage(payload, Map.of("args", List.of("keys"))));
    }

    // ---- authority: the Trusted Authority component ----

    @Test
    public void g_trusted_authority_activates_moves_port_and_refuses_bad_values_keeping_its_identity() throws Exception {
        Path dir = Dirs.fresh("authority");
        int https = Dirs.freeTcpPort();
        int coap = Dirs.freeUdpPort();
        String filter = "(component.name=" + AUTHORITY + ")";
        // defaults but for the data directory and the ports (free ones: the defaults 8443 and 5684 may be taken)
        Map<String, Object> config = Map.of("dataDirectory", dir.toString(), "httpsPort", https, "bootstrapPort", coap);
        Osgi.configure(AUTHORITY, config);
        Osgi.await("Trusted Authority active", () -> Osgi.state(AUTHORITY) == ACTIVE);
        Osgi.await("HTTPS port accepting", () -> Dirs.tcpPortAccepts(https));
        assertThat(Dirs.udpPortInUse(coap)).as("Bootstrap API (CoAP/DTLS) port bound").isTrue();
        java.security.cert.X509Certificate[] chain = Tls.serverChain(https);
        assertThat(chain[0].getSubjectAlternativeNames()).anyMatch(n -> n.get(1).equals("127.0.0.1"));

        int moved = Dirs.freeTcpPort();
        reconfigure(AUTHORITY, config, Map.of("httpsPort", moved));
        Osgi.await("HTTPS moved", () -> Dirs.tcpPortAccepts(moved) && !Dirs.tcpPortAccepts(https));
        // the same authority: its CA (kept in its database) issued the new server certificate
        assertThat(Tls.serverChain(moved)[0].getIssuerX500Principal()).isEqualTo(chain[0].getIssuerX500Principal());
        assertSameIssuerKey(Tls.serverChain(moved), chain);

        Map<String, Object> movedConfig = new HashMap<>(config);
        movedConfig.put("httpsPort", moved);
        refuse(AUTHORITY, ConfigurableComponent.class, filter, movedConfig,
                Map.of("manufacturerCertificates", new String[] {"not a certificate"}),
                "manufacturerCertificates: not a PEM certificate");
        assertThat(Dirs.tcpPortAccepts(moved)).as("a refused authority serves nothing").isFalse();
        assertThat(Dirs.udpPortInUse(coap)).isFalse();

        Osgi.configure(AUTHORITY, movedConfig);
        Osgi.await("Trusted Authority back", () -> Osgi.state(AUTHORITY) == ACTIVE && Dirs.tcpPortAccepts(moved));
        assertSameIssuerKey(Tls.serverChain(moved), chain);
        authorityHttps = moved;
    }

    private static int authorityHttps;

    // ---- authority: the management server component ----

    @Test
    public void h_management_server_registers_with_the_local_authority_moves_and_refuses_bad_values() throws Exception {
        Path dir = Dirs.fresh("management");
        int registration = Dirs.freeTcpPort();
        String password = "installer secret 9";
        String filter = "(component.name=" + MANAGEMENT + ")";
        // Trusted Authority URL and CA empty (the defaults): the Trusted Authority component of this framework
        Map<String, Object> config = Map.of("data.directory", dir.toString(), "registration.port", registration,
                "presence.port", Dirs.freeUdpPort(),
                "installer.password", new String(crypto.encryptAes(password.toCharArray())));
        Osgi.configure(MANAGEMENT, config);
        Osgi.await("management server active", () -> Osgi.state(MANAGEMENT) == ACTIVE
                && Dirs.tcpPortAccepts(registration));
        // it registered with the authority as a management system: the authority's CA issued its identity, and
        // its Registration API presents a certificate of its own
        assertThat(Files.exists(dir.resolve("management.key"))).isTrue();

        int moved = Dirs.freeTcpPort();
        reconfigure(MANAGEMENT, config, Map.of("registration.port", moved));
        Osgi.await("Registration API moved", () -> Dirs.tcpPortAccepts(moved) && !Dirs.tcpPortAccepts(registration));
        Map<String, Object> movedConfig = new HashMap<>(config);
        movedConfig.put("registration.port", moved);

        refuse(MANAGEMENT, ConfigurableComponent.class, filter, movedConfig,
                Map.of("installer.password", new String(crypto.encryptAes("short".toCharArray()))),
                "installer.password: required, at least 8 characters");
        assertThat(Dirs.tcpPortAccepts(moved)).as("a refused management server serves nothing").isFalse();
        refuse(MANAGEMENT, ConfigurableComponent.class, filter, movedConfig, Map.of("presence.address", "0.0.0.0"),
                "presence.address");
        assertThat(Logs.slf4j()).doesNotContain(password);
        assertThat(Osgi.loggedAll()).noneMatch(line -> line.contains(password));

        Osgi.configure(MANAGEMENT, movedConfig);
        Osgi.await("management server back", () -> Osgi.state(MANAGEMENT) == ACTIVE && Dirs.tcpPortAccepts(moved));

        // without configurations both stop
        Osgi.deleteConfiguration(MANAGEMENT);
        Osgi.deleteConfiguration(AUTHORITY);
        Osgi.await("deleted configurations stop both", () -> !Dirs.tcpPortAccepts(moved)
                && !Dirs.tcpPortAccepts(authorityHttps));
    }

    private static void assertSameIssuerKey(java.security.cert.X509Certificate[] now,
            java.security.cert.X509Certificate[] before) throws Exception {
        // the leaf of each start verifies with the CA key of the first start
        now[0].verify(before[before.length - 1].getPublicKey());
    }

    // ---- helpers ----

    /** Replaces the configuration of {@code pid} with {@code base} plus {@code changes}. */
    static void reconfigure(String pid, Map<String, Object> base, Map<String, Object> changes) {
        Map<String, Object> properties = new HashMap<>(base);
        properties.putAll(changes);
        Osgi.configure(pid, properties);
    }

    /**
     * Waits for a service of {@code type} that satisfies {@code check}; getting it activates a delayed component,
     * so the service seen is the one made from the current configuration once SCR has processed it.
     */
    static <T> T awaitService(Class<T> type, String filter, Predicate<T> check) {
        return Osgi.awaitValue(type.getSimpleName() + " as configured", () -> {
            Optional<T> service = get(type, filter);
            return service.isPresent() && check.test(service.get()) ? service.get() : null;
        });
    }

    private static <T> Optional<T> get(Class<T> type, String filter) {
        try {
            for (ServiceReference<T> ref : Osgi.context().getServiceReferences(type, filter)) {
                T service = Osgi.context().getService(ref);
                if (service != null) {
                    return Optional.of(service);
                }
            }
            return Optional.empty();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Configures {@code base} plus {@code bad} and checks the refusal: SCR fails the activation with a message
     * containing {@code message}, logs it, and no service of the component is left to use.
     */
    static <T> void refuse(String pid, Class<T> type, String filter, Map<String, Object> base, Map<String, Object> bad,
            String message) {
        reconfigure(pid, base, bad);
        Osgi.await(pid + " refusing " + bad + " with " + message, () -> {
            get(type, filter); // a delayed component is only activated (and fails) when its service is wanted
            var dtos = Osgi.configurations(pid);
            // SCR's record of the failed activation of this configuration
            return !dtos.isEmpty() && dtos.get(0).state == FAILED_ACTIVATION && dtos.get(0).failure != null
                    && dtos.get(0).failure.contains(message);
        });
        Osgi.await("the framework log naming the refusal: " + message, () -> !Osgi.logged(message).isEmpty());
        String own = "(component.name=" + pid + ")";
        ServiceReference<?>[] refs = Osgi.references(type.getName(), filter == null ? own : "(&" + filter + own + ")");
        if (refs != null) {
            // SCR may keep a delayed component's service registered; getting it must then fail
            for (ServiceReference<?> ref : refs) {
                assertThat(Osgi.context().getService(ref)).as("service of the refused component").isNull();
            }
        }
    }
}
