package org.assure.distribution.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported gateway jar as a real process: it starts from a factory identity in a fresh home, prints READY,
 * serves the aSSURE console plugin behind basic authentication, keeps its configuration across a restart, stops
 * cleanly (goodbye, components deactivated) on SIGTERM, and reports FAILED with a non-zero exit when it cannot start.
 */
class GatewayProcessIT {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path home;

    private Map<String, String> options(int http, int management, int data, int bootstrap) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("home", home.toString());
        options.put("http.port", Integer.toString(http));
        options.put("mgmt.port", Integer.toString(management));
        options.put("data.port", Integer.toString(data));
        options.put("bind", "127.0.0.1");
        // nothing listens there: the bootstrap client keeps retrying, which is what a factory-fresh gateway does
        options.put("bootstrap.host", "127.0.0.1");
        options.put("bootstrap.port", Integer.toString(bootstrap));
        options.put("console.password", GatewayProcess.PASSWORD);
        return options;
    }

    @Test
    void startsServesStatusRestartsWithItsConfigurationAndStopsCleanlyOnSigterm() throws Exception {
        FactoryIdentityFixture identity = FactoryIdentityFixture.writeInto(home);
        int management = GatewayProcess.freeUdpPort();
        int data = GatewayProcess.freeUdpPort();
        Map<String, String> options = options(GatewayProcess.freeTcpPort(), management, data,
                GatewayProcess.freeUdpPort());

        try (GatewayProcess gateway = GatewayProcess.start(options, home.resolve("first-run.log"))) {
            Optional<String> report = gateway.awaitReport(GatewayProcess.STARTUP);
            long startupMillis = (System.nanoTime() - gateway.startedNanos) / 1_000_000;
            System.out.println("GATEWAY startup to READY: " + startupMillis + " ms");
            assertThat(report).hasValue("ASSURE-GATEWAY READY http=" + gateway.httpPort + " mgmt=" + management
                    + " data=" + data + " device=" + identity.deviceId);

            HttpResponse<String> status = gateway.get("/system/console/assure/status.json", GatewayProcess.PASSWORD);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(status.body()).contains("\"deviceId\":\"" + identity.deviceId + "\"", "\"channels\":[]",
                    "\"id\":\"" + identity.deviceId + "\",\"type\":\"EC\",\"class\":\"DEVICE\"",
                    "\"class\":\"TRUSTED_AUTHORITY\"", "\"keystoreActive\":true")
                    .containsPattern("\"bootstrap\":\\{\"state\":\"(RUNNING|WAITING_TO_RETRY)\"")
                    .doesNotContain(FactoryIdentityFixture.PASSPHRASE);

            assertThat(gateway.get("/system/console/assure/status.json", "wrong").statusCode()).isEqualTo(401);
            assertThat(gateway.get("/system/console/assure", GatewayProcess.PASSWORD).body())
                    .contains("id=\"assure-status\"", identity.deviceId.toString());

            HttpResponse<String> badPing = gateway.post("/system/console/assure/ping", "channel=x1&payload=hi");
            assertThat(badPing.statusCode()).isEqualTo(400);
            assertThat(badPing.body()).isEqualTo("{\"ok\":false,\"error\":\"channel must be a channel id\"}");
            HttpResponse<String> noChannel = gateway.post("/system/console/assure/ping", "channel=7&payload=hi");
            assertThat(noChannel.statusCode()).isEqualTo(200);
            assertThat(noChannel.body()).isEqualTo("{\"ok\":false,\"error\":\"no such channel\"}");

            int exit = gateway.terminate(Duration.ofSeconds(60));
            assertThat(exit).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
            assertThat(gateway.stdout).endsWith("ASSURE-GATEWAY STOPPED");
            assertThat(Files.readString(home.resolve("first-run.log"))).contains("aSSURE keystore stopped")
                    .doesNotContain(FactoryIdentityFixture.PASSPHRASE).doesNotContain(GatewayProcess.PASSWORD);
        }
        assertThat(home.resolve("keystore")).isDirectory();
        assertThat(home.resolve("config")).isDirectory();

        // a second start with other channel ports: the stored configuration wins over the launch options
        Map<String, String> again = options(GatewayProcess.freeTcpPort(), GatewayProcess.freeUdpPort(),
                GatewayProcess.freeUdpPort(), GatewayProcess.freeUdpPort());
        try (GatewayProcess gateway = GatewayProcess.start(again, home.resolve("second-run.log"))) {
            assertThat(gateway.awaitReport(GatewayProcess.STARTUP)).hasValue("ASSURE-GATEWAY READY http="
                    + gateway.httpPort + " mgmt=" + management + " data=" + data + " device=" + identity.deviceId);
            assertThat(gateway.terminate(Duration.ofSeconds(60))).isEqualTo(143);
        }
    }

    @Test
    void reportsFailedAndExitsNonZeroWithoutAFactoryIdentity() throws Exception {
        Map<String, String> options = options(GatewayProcess.freeTcpPort(), GatewayProcess.freeUdpPort(),
                GatewayProcess.freeUdpPort(), GatewayProcess.freeUdpPort());
        try (GatewayProcess gateway = GatewayProcess.start(options, home.resolve("failed-run.log"))) {
            assertThat(gateway.awaitReport(GatewayProcess.STARTUP)).hasValue("ASSURE-GATEWAY FAILED no readable "
                    + "factory identity file at " + home.resolve("factory-identity.properties") + " (assure.identity)");
            assertThat(gateway.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        }
    }

    @Test
    void reportsFailedWhenTheKeystoreCannotOpenTheIdentity() throws Exception {
        FactoryIdentityFixture.writeInto(home);
        Files.writeString(home.resolve("factory-passphrase"), "not the passphrase\n");
        Map<String, String> options = options(GatewayProcess.freeTcpPort(), GatewayProcess.freeUdpPort(),
                GatewayProcess.freeUdpPort(), GatewayProcess.freeUdpPort());
        try (GatewayProcess gateway = GatewayProcess.start(options, home.resolve("wrong-passphrase.log"))) {
            Optional<String> report = gateway.awaitReport(GatewayProcess.STARTUP);
            assertThat(report).hasValueSatisfying(line -> assertThat(line)
                    .startsWith("ASSURE-GATEWAY FAILED org.assure.keystore: ").contains("does not decrypt")
                    .doesNotContain("not the passphrase"));
            assertThat(gateway.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        }
    }
}
