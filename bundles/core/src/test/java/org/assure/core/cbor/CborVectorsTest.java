package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assure.core.testing.ExpectedValues;
import org.assure.core.testing.ExpectedValues.OwnerSigningInput;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.PskHint;
import org.assure.core.testing.CborTree;
import org.assure.core.testing.JsonTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden bytes from {@code vectors/cbor/<structure>.json}: each case's hex was written from the draft's
 * structure; the test proves that its diagnostic notation describes the same bytes, that our encoder produces
 * exactly them from the expected value, and that our decoder reads them back to it.
 */
class CborVectorsTest {
    private static final String DIRECTORY = "/vectors/cbor";

    /** Every codec, plus the signing inputs (encode only). */
    static Map<String, CodecSpec> structures() {
        Map<String, CodecSpec> specs = new LinkedHashMap<>();
        for (CodecSpec spec : CodecSpecs.all()) {
            specs.put(spec.name(), spec);
        }
        specs.put("signing_input_authenticated_key", new CodecSpec("signing_input_authenticated_key",
                v -> SigningInputs.authenticatedKey((AuthenticatedKey) v), null, List.of()));
        specs.put("signing_input_owner_information", new CodecSpec("signing_input_owner_information",
                v -> SigningInputs.ownerInformation(((OwnerSigningInput) v).device(), ((OwnerSigningInput) v).owner()),
                null, List.of()));
        specs.put("signing_input_bootstrap_image", new CodecSpec("signing_input_bootstrap_image",
                v -> SigningInputs.bootstrapImage((BootstrapImage) v), null, List.of()));
        return specs;
    }

    static Stream<Arguments> vectors() throws IOException, URISyntaxException {
        List<Arguments> out = new ArrayList<>();
        for (String structure : files()) {
            List<?> cases = (List<?>) JsonTree.resource(DIRECTORY + "/" + structure + ".json");
            for (Object c : cases) {
                Map<String, Object> vector = ExpectedValues.map(c);
                out.add(Arguments.of(structure, vector.get("name"), vector));
            }
        }
        return out.stream();
    }

    private static List<String> files() throws IOException, URISyntaxException {
        Path directory = Path.of(CborVectorsTest.class.getResource(DIRECTORY).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    @Test
    void given_the_vector_directory_then_every_codec_and_signing_input_has_a_vector_file() throws Exception {
        assertThat(files()).containsExactlyInAnyOrderElementsOf(structures().keySet());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vectors")
    void given_a_golden_vector_when_encoded_and_decoded_then_bytes_and_value_match(String structure, String name,
            Map<String, Object> vector) throws Exception {
        byte[] hex = HexFormat.of().parseHex((String) vector.get("hex"));
        CodecSpec spec = structures().get(structure);
        Object expected = ExpectedValues.of(structure, ExpectedValues.map(vector.get("expected")));

        assertThat(CborTree.diagnostic(CborTree.parseSequence(hex))).as("diagnostic").isEqualTo(vector.get("diagnostic"));
        assertThat(HexFormat.of().formatHex(spec.encode(expected))).as("encoding").isEqualTo(vector.get("hex"));
        if (spec.decoder() != null) {
            assertThat(spec.decode(hex)).as("decoding").isEqualTo(expected);
        }
        Object text = ExpectedValues.map(vector.get("expected")).get("text");
        if (text != null && expected instanceof PskHint hint) {
            assertThat(PskHintCodec.toText(hint)).isEqualTo(text);
            assertThat(PskHintCodec.fromText((String) text)).isEqualTo(hint);
        } else if (text != null) {
            assertThat(PskHintCodec.identityToText((UUID) expected)).isEqualTo(text);
            assertThat(PskHintCodec.identityFromText((String) text)).isEqualTo(expected);
        }
    }
}
