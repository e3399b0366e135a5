package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CborWriterTest {
    @ParameterizedTest(name = "{0} encodes as {1}")
    @CsvSource({
        "0, 00", "23, 17", "24, 1818", "255, 18ff", "256, 190100", "65535, 19ffff", "65536, 1a00010000",
        "4294967295, 1affffffff", "4294967296, 1b0000000100000000", "-1, 20", "-24, 37", "-25, 3818",
        "-256, 38ff", "-257, 390100", "9223372036854775807, 1b7fffffffffffffff"})
    void given_an_integer_when_encoded_then_the_shortest_form_is_used(long value, String hex) {
        assertThat(HexFormat.of().formatHex(CborWriter.encode(w -> w.integer(value)))).isEqualTo(hex);
    }

    @Test
    void given_nested_containers_when_encoded_then_lengths_are_definite() {
        byte[] encoded = CborWriter.encode(w -> w.startArray(3).integer(1).bytes(new byte[] {1, 2})
                .startMap(1).mapKey(0).bytes(new byte[] {9}).endMap().endArray());
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("8301420102a1004109");
    }

    @Test
    void given_text_bool_and_null_when_encoded_then_simple_values_are_canonical() {
        byte[] encoded = CborWriter.encode(w -> w.startArray(4).text("aé").bool(true).bool(false).nullValue().endArray());
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("846361c3a9f5f4f6");
    }
}
