package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The files in the repository's {@code samples/} decode as the structures their names say. */
class SamplesTest {
    /** Surefire runs in the module directory, two levels below the repository root. */
    private static final Path SAMPLES = Path.of("../../samples");

    private static final Map<String, String> TITLES = Map.of(
            "bootstrap-image.cbor", "bootstrap image (draft §15.5)",
            "bootstrap-payload.cbor", "bootstrap payload (draft §15.5.4)",
            "authenticated-key.cbor", "authenticated key (draft §7.4)",
            "qr-payload.cbor", "QR payload (draft §6.2.5)",
            "device-info.cbor", "device information (draft §10.1.17)",
            "configuration-data.json", "configuration data (draft §15.2, JSON)");

    static Stream<String> samples() {
        return TITLES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void given_a_sample_file_when_inspected_then_it_decodes_as_named(String name) {
        CliRun.Result result = CliRun.run("inspect", SAMPLES.resolve(name).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith(TITLES.get(name) + "\n");
    }

    @Test
    void given_the_samples_directory_then_every_sample_file_is_covered() throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(TITLES.keySet());
        }
    }

    @Test
    void given_the_sample_image_when_inspected_then_the_payload_is_a_cms_envelope_for_the_device_key() {
        CliRun.Result result = CliRun.run("inspect", SAMPLES.resolve("bootstrap-image.cbor").toString());

        assertThat(result.out()).contains(
                "  decryption_key_id: d0d0d0d0-0000-4000-8000-000000000001\n",
                "  encrypted_payload: CMS enveloped data (RFC 5652)",
                "recipient: subjectKeyIdentifier d0d0d0d0-0000-4000-8000-000000000001",
                "class: 2 (Management System)");
    }

    @Test
    void given_the_sample_payload_when_inspected_then_the_channel_private_key_is_only_marked_present() {
        CliRun.Result result = CliRun.run("inspect", SAMPLES.resolve("bootstrap-payload.cbor").toString());

        assertThat(result.out()).contains("uri_path: /v1/keys/c4c4c4c4-0000-4000-8000-000000000001",
                "private_key: <private key present, ", "uri_path: /v1/channels", "remote_addr: 192.0.2.10");
    }
}
