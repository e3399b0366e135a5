package org.assure.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assure.core.testing.JsonTree;
import org.assure.core.testing.JsonTree.RawJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed documents for every JSON codec and sample: all fail with exactly {@link JsonDecodeException}. The
 * only tolerated changes are the ones the draft allows: extra fields inside {@code capabilities} (ignored), and
 * dropping the optional {@code parameter_set}; parameter choices are opaque objects and not mutated.
 */
class JsonMalformedInputTest {
    /** A value of each JSON type; one of a different type replaces each value of a valid document. */
    private static final List<Object> SUBSTITUTES = Arrays.asList(0L, -1L, 1.5, "x", "", true, null, List.of(),
            Map.of(), new RawJson("1e3"));

    static Stream<Arguments> samples() {
        List<Arguments> out = new ArrayList<>();
        for (JsonDocSpec spec : JsonDocSpec.all()) {
            for (int i = 0; i < spec.samples().size(); i++) {
                out.add(Arguments.of(spec, i));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_a_truncated_document_at_every_length_when_decoded_then_a_decode_exception(JsonDocSpec spec, int sample) {
        byte[] encoded = spec.encode(spec.samples().get(sample));

        for (int n = 0; n < encoded.length; n++) {
            byte[] cut = Arrays.copyOf(encoded, n);
            assertThatThrownBy(() -> spec.decode(cut)).as("cut at %d", n).isExactlyInstanceOf(JsonDecodeException.class);
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_content_after_the_document_when_decoded_then_a_decode_exception(JsonDocSpec spec, int sample) {
        String encoded = new String(spec.encode(spec.samples().get(sample)), StandardCharsets.UTF_8);

        for (String tail : List.of(" {}", "x", "]", "}", ",", "\"", "0", "[]", encoded)) {
            byte[] longer = (encoded + tail).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> spec.decode(longer)).as("tail %s", tail).isExactlyInstanceOf(JsonDecodeException.class);
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_a_value_of_another_type_at_each_position_when_decoded_then_a_decode_exception(JsonDocSpec spec, int sample) {
        Object tree = tree(spec, sample);

        for (List<Object> path : positions(tree, List.of())) {
            Object old = get(tree, path);
            for (Object substitute : SUBSTITUTES) {
                if (kind(substitute) == kind(old)) {
                    continue;
                }
                byte[] mutated = JsonTree.write(replace(tree, path, o -> substitute));
                assertThatThrownBy(() -> spec.decode(mutated)).as("%s <- %s", path, substitute)
                        .isExactlyInstanceOf(JsonDecodeException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_17_nested_arrays_at_each_position_when_decoded_then_a_decode_exception(JsonDocSpec spec, int sample) {
        Object tree = tree(spec, sample);
        Object deep = 1L;
        for (int i = 0; i < 17; i++) {
            deep = List.of(deep);
        }
        Object nested = deep;

        for (List<Object> path : positions(tree, List.of())) {
            byte[] mutated = JsonTree.write(replace(tree, path, o -> nested));
            assertThatThrownBy(() -> spec.decode(mutated)).as("at %s", path).isExactlyInstanceOf(JsonDecodeException.class);
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_each_field_missing_when_decoded_then_a_decode_exception_unless_optional(JsonDocSpec spec, int sample)
            throws Exception {
        Object tree = tree(spec, sample);

        for (List<Object> path : objectPaths(tree, List.of())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) get(tree, path);
            for (String field : object.keySet()) {
                byte[] mutated = JsonTree.write(replace(tree, path, o -> without(object, field)));
                if (field.equals(DeviceRecordJson.PARAMETER_SET)) {
                    assertThat(((org.assure.core.model.DeviceRecord) spec.decode(mutated)).parameterSet()).isEmpty();
                } else {
                    assertThatThrownBy(() -> spec.decode(mutated)).as("without %s.%s", path, field)
                            .isExactlyInstanceOf(JsonDecodeException.class).hasMessageContaining(field);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_an_unknown_field_in_each_object_when_decoded_then_rejected_except_in_capabilities(JsonDocSpec spec,
            int sample) throws Exception {
        Object tree = tree(spec, sample);
        Object original = spec.samples().get(sample);

        for (List<Object> path : objectPaths(tree, List.of())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) get(tree, path);
            byte[] mutated = JsonTree.write(replace(tree, path, o -> with(object, "zz_future", Map.of("a", List.of(1L)))));
            if (!path.isEmpty() && path.get(path.size() - 1).equals("capabilities")) {
                assertThat(spec.decode(mutated)).as("extra capability at %s", path).isEqualTo(original);
            } else {
                assertThatThrownBy(() -> spec.decode(mutated)).as("extra field at %s", path)
                        .isExactlyInstanceOf(JsonDecodeException.class).hasMessageContaining("zz_future: unknown field");
            }
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_a_duplicate_field_in_each_object_when_decoded_then_a_decode_exception(JsonDocSpec spec, int sample) {
        Object tree = tree(spec, sample);

        for (List<Object> path : objectPaths(tree, List.of())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) get(tree, path);
            for (String field : object.keySet()) {
                byte[] mutated = JsonTree.write(replace(tree, path,
                        o -> with(object, JsonTree.duplicate(field), object.get(field))));
                assertThatThrownBy(() -> spec.decode(mutated)).as("duplicate %s.%s", path, field)
                        .isExactlyInstanceOf(JsonDecodeException.class).hasMessageContaining("duplicate field");
            }
        }
    }

    @Test
    void given_a_document_over_1_mib_then_rejected_and_at_1_mib_accepted() throws Exception {
        byte[] status = DeviceStatusJson.encode(new org.assure.core.model.DeviceStatus(1, "x"));
        byte[] exactly = Arrays.copyOf(status, JsonInput.MAX_INPUT);
        Arrays.fill(exactly, status.length, exactly.length, (byte) ' ');
        byte[] over = Arrays.copyOf(exactly, JsonInput.MAX_INPUT + 1);
        over[over.length - 1] = ' ';

        assertThat(DeviceStatusJson.decode(exactly).status()).isEqualTo(1);
        assertThatThrownBy(() -> DeviceStatusJson.decode(over)).isExactlyInstanceOf(JsonDecodeException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void given_input_that_is_not_utf8_then_rejected() {
        byte[] valid = "{\"status\":1,\"description\":\"ab\"}".getBytes(StandardCharsets.UTF_8);
        int at = valid.length - 4;
        for (byte[] bad : List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82})) {
            byte[] input = new byte[valid.length + bad.length];
            System.arraycopy(valid, 0, input, 0, at);
            System.arraycopy(bad, 0, input, at, bad.length);
            System.arraycopy(valid, at, input, at + bad.length, valid.length - at);
            assertThatThrownBy(() -> DeviceStatusJson.decode(input)).isExactlyInstanceOf(JsonDecodeException.class)
                    .hasMessageContaining("not UTF-8");
        }
        byte[] utf16 = "{\"status\":1,\"description\":\"ab\"}".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> DeviceStatusJson.decode(utf16)).isExactlyInstanceOf(JsonDecodeException.class);
    }

    @Test
    void given_a_utf8_byte_order_mark_then_it_is_ignored_as_rfc_8259_allows() throws Exception {
        byte[] json = "\ufeff{\"status\":1,\"description\":\"\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(DeviceStatusJson.decode(json)).isEqualTo(new org.assure.core.model.DeviceStatus(1, ""));
    }

    @Test
    void given_a_failure_in_a_device_record_then_the_message_never_holds_the_secret() {
        String json = "{\"id\":\"00112233-4455-6677-8899-aabbccddeeff\",\"bootstrap_server\":1,\"case_string\":\"CASE-XYZ\","
                + "\"shared_secret\":\"5ec7e75ec7e75ec7e75ec7e75ec7e75e\",\"capabilities\":{\"ec_capable\":1}}";

        assertThatThrownBy(() -> DeviceRecordJson.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(JsonDecodeException.class).message()
                .doesNotContain("5ec7").doesNotContain("CASE-XYZ");
    }

    // ---- tree helpers -----------------------------------------------------------------------------------

    static Object tree(JsonDocSpec spec, int sample) {
        return JsonTree.parse(spec.encode(spec.samples().get(sample)));
    }

    private enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL, ARRAY, OBJECT }

    private static Kind kind(Object value) {
        if (value instanceof String) {
            return Kind.STRING;
        }
        if (value instanceof Long) {
            return Kind.INTEGER;
        }
        if (value instanceof Double || value instanceof RawJson) {
            return Kind.FLOAT;
        }
        if (value instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        if (value instanceof List) {
            return Kind.ARRAY;
        }
        return value == null ? Kind.NULL : Kind.OBJECT;
    }

    /** Every value position (object fields and array items), except inside the opaque parameter choices. */
    static List<List<Object>> positions(Object tree, List<Object> path) {
        List<List<Object>> out = new ArrayList<>();
        if (path.contains(ConfigurationDataJson.PARAMETER_CHOICES) && path.size() > 1) {
            return out;
        }
        if (tree instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                List<Object> child = append(path, key);
                out.add(child);
                out.addAll(positions(map.get(key), child));
            }
        } else if (tree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> child = append(path, i);
                out.add(child);
                out.addAll(positions(list.get(i), child));
            }
        }
        return out;
    }

    /** The root and every object below it, except parameter choices. */
    static List<List<Object>> objectPaths(Object tree, List<Object> path) {
        List<List<Object>> out = new ArrayList<>();
        if (tree instanceof Map<?, ?>) {
            out.add(path);
        }
        for (List<Object> p : positions(tree, path)) {
            if (p.size() == path.size() + 1 && (get(tree, p.subList(path.size(), p.size())) instanceof Map<?, ?>)
                    && !p.contains(ConfigurationDataJson.PARAMETER_CHOICES)) {
                out.addAll(objectPaths(get(tree, p.subList(path.size(), p.size())), p));
            }
        }
        return out;
    }

    private static List<Object> append(List<Object> path, Object key) {
        List<Object> out = new ArrayList<>(path);
        out.add(key);
        return List.copyOf(out);
    }

    static Object get(Object tree, List<Object> path) {
        Object node = tree;
        for (Object key : path) {
            node = key instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Object replace(Object tree, List<Object> path, UnaryOperator<Object> change) {
        if (path.isEmpty()) {
            return change.apply(tree);
        }
        Object key = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (key instanceof Integer i) {
            List<Object> copy = new ArrayList<>((List<Object>) tree);
            copy.set(i, replace(copy.get(i), rest, change));
            return copy;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) tree);
        copy.put((String) key, replace(copy.get(key), rest, change));
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> object, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.remove(field);
        return copy;
    }

    private static Map<String, Object> with(Map<String, Object> object, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.put(field, value);
        return copy;
    }

    /** Rejected with exactly a decode exception, or accepted with a value that survives a round trip. */
    static void rejectedOrStable(JsonDocSpec spec, byte[] input, String what) {
        Object decoded;
        try {
            decoded = spec.decode(input);
        } catch (Throwable t) {
            if (t.getClass() != JsonDecodeException.class) {
                fail(what + ": expected JsonDecodeException, got " + t, t);
            }
            return;
        }
        try {
            assertThat(spec.decode(spec.encode(decoded))).as(what).isEqualTo(decoded);
        } catch (JsonDecodeException e) {
            fail(what + ": accepted value does not survive a round trip", e);
        }
    }
}
