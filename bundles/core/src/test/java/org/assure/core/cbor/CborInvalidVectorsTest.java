package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * Invalid encodings from {@code vectors/cbor-invalid/<structure>.json}, each breaking one rule of the draft,
 * PROFILE.md or PROFILE-ADDITIONS.md: every one fails with exactly {@link CborDecodeException}, whose message
 * names the field path and rule given as the case's {@code error}.
 */
class CborInvalidVectorsTest {
    private static final String DIRECTORY = "/vectors/cbor-invalid";

    static Stream<Arguments> vectors() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String structure : files()) {
            for (Object c : (List<?>) JsonTree.resource(DIRECTORY + "/" + structure + ".json")) {
                Map<String, Object> vector = ExpectedValues.map(c);
                out.add(Arguments.of(structure, vector.get("name"), vector));
            }
        }
        return out.stream();
    }

    private static List<String> files() throws Exception {
        Path directory = Path.of(CborInvalidVectorsTest.class.getResource(DIRECTORY).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    @Test
    void given_the_invalid_vectors_then_every_codec_has_some() throws Exception {
        assertThat(files()).containsExactlyInAnyOrderElementsOf(
                CodecSpecs.all().stream().map(CodecSpec::name).toList());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vectors")
    void given_an_invalid_encoding_when_decoded_then_a_decode_exception_naming_the_rule(String structure, String name,
            Map<String, Object> vector) throws URISyntaxException {
        byte[] data = HexFormat.of().parseHex((String) vector.get("hex"));
        CodecSpec spec = CborVectorsTest.structures().get(structure);

        assertThatThrownBy(() -> spec.decode(data)).isExactlyInstanceOf(CborDecodeException.class)
                .hasMessageContaining((String) vector.get("error"));
    }
}
