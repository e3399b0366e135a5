package org.assure.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assure.core.testing.ExpectedValues;
import org.assure.core.testing.JsonTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON documents from {@code vectors/json/<document>.json} ({@code input} text, the encoder's {@code canonical}
 * compact text, the {@code expected} value) and invalid ones from {@code vectors/json-invalid/<document>.json}
 * ({@code input}, the {@code error} the message must contain).
 */
class JsonVectorsTest {
    static JsonDocSpec spec(String name) {
        return JsonDocSpec.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static Stream<Arguments> cases(String directory) throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String document : files(directory)) {
            for (Object c : (List<?>) JsonTree.resource(directory + "/" + document + ".json")) {
                Map<String, Object> vector = ExpectedValues.map(c);
                out.add(Arguments.of(document, vector.get("name"), vector));
            }
        }
        return out.stream();
    }

    static List<String> files(String directory) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(JsonVectorsTest.class.getResource(directory).toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    static Stream<Arguments> valid() throws Exception {
        return cases("/vectors/json");
    }

    static Stream<Arguments> invalid() throws Exception {
        return cases("/vectors/json-invalid");
    }

    @Test
    void given_the_vector_directories_then_every_document_has_valid_and_invalid_vectors() throws Exception {
        List<String> documents = JsonDocSpec.all().stream().map(JsonDocSpec::name).toList();

        assertThat(files("/vectors/json")).containsExactlyInAnyOrderElementsOf(documents);
        assertThat(files("/vectors/json-invalid")).containsExactlyInAnyOrderElementsOf(documents);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("valid")
    void given_a_valid_document_when_decoded_and_encoded_then_value_and_canonical_text_match(String document,
            String name, Map<String, Object> vector) throws Exception {
        JsonDocSpec spec = spec(document);
        Object expected = spec.expected().apply(ExpectedValues.map(vector.get("expected")));
        byte[] input = ((String) vector.get("input")).getBytes(StandardCharsets.UTF_8);

        assertThat(spec.decode(input)).isEqualTo(expected);
        assertThat(new String(spec.encode(expected), StandardCharsets.UTF_8)).isEqualTo(vector.get("canonical"));
        assertThat(spec.decode(((String) vector.get("canonical")).getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalid")
    void given_an_invalid_document_when_decoded_then_a_json_decode_exception_naming_the_rule(String document,
            String name, Map<String, Object> vector) {
        byte[] input = ((String) vector.get("input")).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> spec(document).decode(input)).isExactlyInstanceOf(JsonDecodeException.class)
                .hasMessageContaining((String) vector.get("error"));
    }
}
