package org.assure.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.metatype.AttributeDefinition;

class RuntimeSettingsTest {
    private static final Path CWD = Path.of("/srv/gw");

    @Test
    void defaultsFollowTheReadme() {
        RuntimeSettings settings = RuntimeSettings.from(key -> null, CWD);
        assertThat(settings).isEqualTo(new RuntimeSettings(Path.of("/srv/gw/assure-gateway-data"), 8080, "admin",
                "admin", 5684, 5685, "", "", OptionalInt.empty(),
                Path.of("/srv/gw/assure-gateway-data/factory-identity.properties"),
                Path.of("/srv/gw/assure-gateway-data/factory-passphrase"), Duration.ofSeconds(120)));
        assertThat(settings.configurationDirectory()).isEqualTo(Path.of("/srv/gw/assure-gateway-data/config"));
    }

    @Test
    void everyOptionIsReadAndRelativePathsFollowTheHome() {
        Map<String, String> properties = Map.of("assure.home", "data", "assure.http.port", "0",
                "assure.mgmt.port", "6684", "assure.data.port", "6685", "assure.bind", " 127.0.0.1 ",
                "assure.bootstrap.host", "ta.example", "assure.bootstrap.port", "7683", "assure.identity", "id.txt",
                "assure.passphrase.file", "/etc/pass", "assure.console.password", "s3cret");
        RuntimeSettings settings = RuntimeSettings.from(properties::get, CWD);
        assertThat(settings.home()).isEqualTo(Path.of("/srv/gw/data"));
        assertThat(settings.identityFile()).isEqualTo(Path.of("/srv/gw/data/id.txt"));
        assertThat(settings.passphraseFile()).isEqualTo(Path.of("/etc/pass"));
        assertThat(settings.bind()).isEqualTo("127.0.0.1");
        assertThat(settings.bootstrapPort()).hasValue(7683);
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void aMalformedOptionIsRefusedNamingThePropertyNotTheValue() {
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("assure.http.port", "80x")::get, CWD))
                .hasMessage("assure.http.port must be a number");
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("assure.mgmt.port", "70000")::get, CWD))
                .hasMessage("assure.mgmt.port must be 0..65535");
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("assure.bootstrap.port", "0")::get, CWD))
                .hasMessage("assure.bootstrap.port must be 1..65535");
        assertThatThrownBy(() -> RuntimeSettings.from(Map.of("assure.console.password", "")::get, CWD))
                .hasMessageContaining("must not be empty");
    }

    @Test
    void theLaunchOptionsGoIntoTheComponentsConfigurations() {
        RuntimeSettings settings = RuntimeSettings.from(Map.of("assure.bind", "::1", "assure.bootstrap.host", "h",
                "assure.bootstrap.port", "1234")::get, CWD);
        Map<String, Map<String, Object>> overrides = ConfigurationSeeder.overrides(settings, "pass");
        assertThat(overrides.get(ConfigurationSeeder.KEYSTORE_PID)).containsEntry("factory.passphrase", "pass")
                .containsEntry("data.directory", "/srv/gw/assure-gateway-data/keystore");
        assertThat(overrides.get(ConfigurationSeeder.IP_TRANSPORT_PID)).containsEntry("bind.address", "::1")
                .containsEntry("management.port", 5684).containsEntry("data.port", 5685);
        assertThat(overrides.get(ConfigurationSeeder.BOOTSTRAP_PID)).containsEntry("server.host", "h")
                .containsEntry("server.port", 1234).containsEntry("bind.address", "::1");
        // without the options, the components keep their own defaults
        Map<String, Map<String, Object>> plain = ConfigurationSeeder.overrides(RuntimeSettings.from(k -> null, CWD), "p");
        assertThat(plain.get(ConfigurationSeeder.BOOTSTRAP_PID)).isEmpty();
        assertThat(plain.get(ConfigurationSeeder.IP_TRANSPORT_PID)).doesNotContainKey("bind.address");
    }

    @Test
    void metatypeDefaultsBecomeTypedValues() {
        assertThat(ConfigurationSeeder.value(AttributeDefinition.INTEGER, 0, new String[] {"64"})).hasValue(64);
        assertThat(ConfigurationSeeder.value(AttributeDefinition.BOOLEAN, 0, new String[] {"true"})).hasValue(true);
        assertThat(ConfigurationSeeder.value(AttributeDefinition.STRING, 0, new String[] {""})).hasValue("");
        assertThat(ConfigurationSeeder.value(AttributeDefinition.LONG, 3, new String[] {"1", "2"}).get())
                .isEqualTo(new Long[] {1L, 2L});
        assertThat(ConfigurationSeeder.value(AttributeDefinition.PASSWORD, 0, new String[] {"x"})).isEmpty();
        assertThat(ConfigurationSeeder.value(AttributeDefinition.STRING, 0, null)).isEmpty();
    }

    @Test
    void theConsolePasswordIsStoredAsTheWebConsolesSaltedHash() throws Exception {
        String hash = ConfigurationSeeder.consolePasswordHash("s3cret", new SecureRandom());
        assertThat(hash).matches("\\{sha-256\\}[0-9a-f]{16}-1000-[A-Za-z0-9+/]+=*").doesNotContain("s3cret");
        String salt = hash.substring(9, 25);
        byte[] expected = (salt + "s3cret").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1000; i++) {
            expected = MessageDigest.getInstance("SHA-256").digest(expected);
        }
        assertThat(hash).endsWith("-1000-" + Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void thePassphraseIsTheFirstLineOfItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p");
        Files.writeString(file, "two words\r\nsecond line\n");
        assertThat(GatewayRuntime.passphrase(file)).isEqualTo("two words".toCharArray());
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> GatewayRuntime.passphrase(file)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> GatewayRuntime.passphrase(dir.resolve("missing")))
                .hasMessageContaining("no readable passphrase file");
    }

    @Test
    void httpEndpointsAndFailureTexts() {
        assertThat(ReadinessWatch.port("http://192.168.1.2:8080/")).hasValue(8080);
        assertThat(ReadinessWatch.port("http://[::1]:9090/")).hasValue(9090);
        assertThat(ReadinessWatch.port("not a uri")).isEmpty();
        assertThat(ReadinessWatch.firstLine("\n  java.lang.IllegalStateException: x\n\tat a.b")).isEqualTo(
                "java.lang.IllegalStateException: x");
        assertThat(StartupReport.oneLine("a\nb\tc")).isEqualTo("a b c");
    }
}
