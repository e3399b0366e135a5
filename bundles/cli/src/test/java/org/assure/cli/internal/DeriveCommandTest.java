package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeriveCommandTest {
    /** One vector of vectors/cli/derive-shared-secret.json. */
    record Vector(String referenceSecret, String salt, long iterations, String encryptedSecret, String secret, String source) {
        @Override
        public String toString() {
            return source;
        }
    }

    static Stream<Vector> vectors() throws Exception {
        List<Vector> vectors = new ArrayList<>();
        try (InputStream in = DeriveCommandTest.class.getResourceAsStream("/vectors/cli/derive-shared-secret.json");
                JsonParser parser = new JsonFactory().createParser(in)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("vectors")) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> fields = new HashMap<>();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            fields.put(name, parser.getValueAsString());
                        }
                        vectors.add(new Vector(fields.get("reference_secret"), fields.get("salt"),
                                Long.parseLong(fields.get("iterations")), fields.get("encrypted_secret"),
                                fields.get("secret"), fields.get("source")));
                    }
                }
            }
        }
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(5);
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void given_a_pbkdf2_vector_when_derived_then_the_expected_secret(Vector vector) {
        CliRun.Result result = CliRun.run("derive", "--reference-secret", vector.referenceSecret(), "--salt", vector.salt(),
                "--iterations", Long.toString(vector.iterations()), "--encrypted-secret", vector.encryptedSecret());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(vector.secret() + "\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void given_an_empty_salt_when_derived_then_accepted() {
        CliRun.Result result = CliRun.run("derive", "--reference-secret", "00".repeat(16), "--salt", "",
                "--iterations", "1", "--encrypted-secret", "00".repeat(16));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).matches("[0-9a-f]{32}\n");
    }

    @Test
    void given_zero_iterations_when_derived_then_exit_2_with_the_reason() {
        CliRun.Result result = CliRun.run("derive", "--reference-secret", "00".repeat(16), "--salt", "01",
                "--iterations", "0", "--encrypted-secret", "00".repeat(16));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ");
    }

    @Test
    void given_an_encrypted_secret_below_16_bytes_when_derived_then_exit_2() {
        CliRun.Result result = CliRun.run("derive", "--reference-secret", "00".repeat(16), "--salt", "01",
                "--iterations", "1", "--encrypted-secret", "00".repeat(8));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: ");
    }

    @Test
    void given_a_reference_secret_that_is_not_hex_when_derived_then_exit_2_without_echoing_it() {
        CliRun.Result result = CliRun.run("derive", "--reference-secret", "hunter2hunter2", "--salt", "01",
                "--iterations", "1", "--encrypted-secret", "00".repeat(16));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("hunter2").startsWith("error: --reference-secret is not hex");
    }

    @Test
    void given_both_sources_when_derived_then_a_usage_error() {
        CliRun.Result result = CliRun.run("derive", "--reference-secret", "00".repeat(16), "--salt", "01",
                "--iterations", "1", "--encrypted-secret", "00".repeat(16), "--reference-key", "k.pem", "--envelope", "e.der");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("mutually exclusive");
    }

    @Test
    void given_an_incomplete_shared_secret_source_when_derived_then_a_usage_error_naming_the_missing_options() {
        CliRun.Result result = CliRun.run("derive", "--reference-secret", "00".repeat(16), "--salt", "01");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("--iterations", "--encrypted-secret");
    }
}
