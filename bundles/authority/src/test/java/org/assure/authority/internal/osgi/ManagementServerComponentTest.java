package org.assure.authority.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assure.authority.AuthoritySettings;
import org.assure.authority.ManagementServer;
import org.assure.authority.TrustedAuthorityServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The management server's DS component: its configuration is validated before anything is opened or bound, and
 * activation/deactivation start and stop real listeners registered with a real Trusted Authority.
 */
class ManagementServerComponentTest {
    private static final String PASSWORD = "installer-secret-1";
    private static Path authorityDir;
    private static TrustedAuthorityServer authority;

    @BeforeAll
    static void startAuthority() throws Exception {
        authorityDir = Files.createTempDirectory("assure-ta-component");
        authority = TrustedAuthorityServer.start(AuthoritySettings.embedded(authorityDir, 0, 0, List.of()));
    }

    @AfterAll
    static void stopAuthority() {
        authority.close();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("data.directory", " "),
                Arguments.of("registration.port", 70000),
                Arguments.of("registration.port", -1),
                Arguments.of("presence.port", 0),
                Arguments.of("device.data.port", -1),
                Arguments.of("device.data.port", 65536),
                Arguments.of("presence.address", "0.0.0.0"),
                Arguments.of("presence.address", ""),
                Arguments.of("registration.address", "no-such-host.invalid"),
                Arguments.of("installer.user", "in:staller"),
                Arguments.of("installer.user", ""),
                Arguments.of("installer.password", "short"),
                Arguments.of("installer.password", null),
                Arguments.of("trusted.authority.url", "http://127.0.0.1:8443"),
                Arguments.of("trusted.authority.url", "not a url"),
                Arguments.of("trusted.authority.ca", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
                Arguments.of("subject", "not a distinguished name"),
                Arguments.of("jdbc.url", "jdbc:mysql://localhost/assure"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void givenABadValue_whenActivated_thenItFailsNamingThePropertyAndStartsNothing(String property, Object value,
            @TempDir Path tmp) {
        Path data = tmp.resolve("management");
        Map<String, Object> values = valid(data, freeUdpPort());
        values.put(property, value);
        ManagementServerComponentConfig config = Configs.of(ManagementServerComponentConfig.class, values);

        assertThatThrownBy(() -> new ManagementServerComponent(config, authority, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(property + ":")
                .hasMessageNotContaining(PASSWORD);
        assertThat(data).doesNotExist();
    }

    @Test
    void givenAValidConfiguration_whenActivatedAndDeactivated_thenTheListenersStartAndStop(@TempDir Path tmp)
            throws Exception {
        Path data = tmp.resolve("management");
        int presencePort = freeUdpPort();
        ManagementServerComponentConfig config = Configs.of(ManagementServerComponentConfig.class,
                valid(data, presencePort));

        ManagementServerComponent component = new ManagementServerComponent(config, authority, null);
        ManagementServer server = component.server().orElseThrow();
        int httpsPort = server.registrationUri().getPort();
        String mgmtId = server.mgmtId();
        assertThat(tcpOpen(httpsPort)).isTrue();
        assertThat(udpFree(presencePort)).isFalse();
        assertThat(data.resolve("management.key")).exists();

        component.deactivate();
        assertThat(tcpOpen(httpsPort)).isFalse();
        assertThat(udpFree(presencePort)).isTrue();

        // Re-activation (a configuration change, the authority coming back) keeps the management identity.
        ManagementServerComponent again = new ManagementServerComponent(config, authority, null);
        try {
            assertThat(again.server().orElseThrow().mgmtId()).isEqualTo(mgmtId);
        } finally {
            again.deactivate();
        }
    }

    @Test
    void givenAnExplicitAuthority_whenActivatedWithoutALocalOne_thenItRegistersThere(@TempDir Path tmp)
            throws Exception {
        Map<String, Object> values = valid(tmp.resolve("management"), freeUdpPort());
        values.put("trusted.authority.url", authority.httpsUri().toString());
        values.put("trusted.authority.ca", pem(authority.caCertificate()));
        ManagementServerComponent component = new ManagementServerComponent(
                Configs.of(ManagementServerComponentConfig.class, values), null, null);
        try {
            assertThat(component.server()).isPresent();
        } finally {
            component.deactivate();
        }
    }

    @Test
    void givenNoAuthorityAnywhere_whenActivated_thenItWaitsAndBindsNothing(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("management");
        int presencePort = freeUdpPort();
        ManagementServerComponent component = new ManagementServerComponent(
                Configs.of(ManagementServerComponentConfig.class, valid(data, presencePort)), null, null);

        assertThat(component.server()).isEmpty();
        assertThat(udpFree(presencePort)).isTrue();
        assertThat(data).doesNotExist();
        component.deactivate();
    }

    private static Map<String, Object> valid(Path data, int presencePort) {
        Map<String, Object> values = new HashMap<>();
        values.put("data.directory", data.toString());
        values.put("registration.port", 0);
        values.put("presence.port", presencePort);
        values.put("installer.password", PASSWORD);
        return values;
    }

    private static String pem(java.security.cert.X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean tcpOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
