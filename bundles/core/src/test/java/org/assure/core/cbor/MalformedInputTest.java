package org.assure.core.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.assure.core.testing.CborTree;
import org.assure.core.testing.CborTree.Array;
import org.assure.core.testing.CborTree.ByteString;
import org.assure.core.testing.CborTree.Int;
import org.assure.core.testing.CborTree.Item;
import org.assure.core.testing.CborTree.MapItem;
import org.assure.core.testing.CborTree.Position;
import org.assure.core.testing.CborTree.Raw;
import org.assure.core.testing.CborTree.Simple;
import org.assure.core.testing.CborTree.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input for every codec and every sample: each must fail with exactly {@link CborDecodeException}, or —
 * where a mutation happens to be another valid encoding — decode to a value that re-encodes to exactly the mutated
 * bytes (so a lenient decoder cannot hide behind that exception).
 */
class MalformedInputTest {
    /** Items put in place of each item of a valid encoding: every major type, odd simple values, a tag, a float. */
    private static final List<Item> SUBSTITUTES = List.of(
            Int.of(0), Int.of(-1), Int.of(Long.MAX_VALUE), new Int(-1L, false), new Int(-1L, true),
            new ByteString(new byte[0]), new ByteString(new byte[16]), new Text(""), new Text("0123456789abcdef"),
            new Array(List.of()), new Array(List.of(Int.of(1))), new MapItem(List.of()),
            new MapItem(List.of(Int.of(0), Int.of(0))), new Simple(20), new Simple(21), new Simple(22),
            new Simple(23), new Raw(new byte[] {(byte) 0xf9, 0, 0}), new Raw(new byte[] {(byte) 0xc2, 0x40}),
            new Raw(new byte[] {(byte) 0x18, 0x01}), new Raw(new byte[] {(byte) 0x5f, (byte) 0xff}),
            new Raw(new byte[] {(byte) 0x9f, (byte) 0xff}), new Raw(new byte[] {(byte) 0x1c}),
            new Raw(new byte[] {0x61, (byte) 0xff}));

    static Stream<Arguments> samples() {
        List<Arguments> out = new ArrayList<>();
        for (CodecSpec spec : CodecSpecs.all()) {
            for (int i = 0; i < spec.samples().size(); i++) {
                out.add(Arguments.of(spec, i));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_a_truncated_encoding_at_every_length_when_decoded_then_a_decode_exception(CodecSpec spec, int sample) {
        byte[] encoded = spec.encode(spec.samples().get(sample));

        for (int n = 0; n < encoded.length; n++) {
            byte[] cut = Arrays.copyOf(encoded, n);
            assertThatThrownBy(() -> spec.decode(cut)).as("cut at %d", n).isExactlyInstanceOf(CborDecodeException.class);
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_trailing_bytes_when_decoded_then_a_decode_exception(CodecSpec spec, int sample) {
        byte[] encoded = spec.encode(spec.samples().get(sample));

        for (byte[] tail : List.of(new byte[] {0}, new byte[] {(byte) 0xf6}, new byte[] {0x40}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xff}, encoded)) {
            byte[] longer = concat(encoded, tail);
            assertThatThrownBy(() -> spec.decode(longer)).as("tail %s", HexFormat.of().formatHex(tail))
                    .isExactlyInstanceOf(CborDecodeException.class);
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_a_wrong_type_at_each_position_when_decoded_then_rejected_or_exactly_valid(CodecSpec spec, int sample) {
        List<Item> tree = CborTree.parseSequence(spec.encode(spec.samples().get(sample)));
        int rejected = 0;

        for (Position position : CborTree.positions(tree)) {
            for (Item substitute : SUBSTITUTES) {
                byte[] mutated = CborTree.write(CborTree.replace(tree, position, old -> substitute));
                rejected += rejectedOrCanonical(spec, mutated, position + " <- " + substitute) ? 1 : 0;
            }
        }
        assertThat(rejected).as("substitutions rejected").isPositive();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_an_oversized_byte_string_or_array_at_each_position_when_decoded_then_a_decode_exception(CodecSpec spec,
            int sample) {
        List<Item> tree = CborTree.parseSequence(spec.encode(spec.samples().get(sample)));
        // No structure accepts a byte string over 1 MiB or an array over 1024 items.
        Item hugeBytes = new ByteString(new byte[CborReader.MAX_IMAGE_BYTES + 1]);
        Item longArray = new Array(Collections.nCopies(1025, Int.of(0)));
        // Heads that promise more than the input holds.
        Item bytesHead = new Raw(CborTree.head(2, 0x7fff_ffffL));
        Item arrayHead = new Raw(CborTree.head(4, 1L << 32));
        Item mapHead = new Raw(CborTree.head(5, 0xffff_ffffL));

        for (Position position : CborTree.positions(tree)) {
            Item old = CborTree.get(tree, position);
            List<Item> replacements = old instanceof ByteString ? List.of(hugeBytes, bytesHead)
                    : old instanceof Array ? List.of(longArray, arrayHead, mapHead) : List.of(bytesHead, arrayHead);
            for (Item replacement : replacements) {
                byte[] mutated = CborTree.write(CborTree.replace(tree, position, o -> replacement));
                assertThatThrownBy(() -> spec.decode(mutated)).as("%s at %s", replacement.getClass().getSimpleName(),
                        position).isExactlyInstanceOf(CborDecodeException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_17_nested_arrays_at_each_position_when_decoded_then_a_decode_exception(CodecSpec spec, int sample) {
        List<Item> tree = CborTree.parseSequence(spec.encode(spec.samples().get(sample)));
        Item deep = Int.of(1);
        for (int i = 0; i < 17; i++) {
            deep = new Array(List.of(deep));
        }
        Item nested = deep;

        for (Position position : CborTree.positions(tree)) {
            byte[] mutated = CborTree.write(CborTree.replace(tree, position, old -> nested));
            assertThatThrownBy(() -> spec.decode(mutated)).as("at %s", position)
                    .isExactlyInstanceOf(CborDecodeException.class);
        }
        byte[] alone = CborTree.write(nested);
        assertThatThrownBy(() -> spec.decode(alone)).isExactlyInstanceOf(CborDecodeException.class);
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("samples")
    void given_every_single_bit_flip_when_decoded_then_rejected_or_exactly_valid(CodecSpec spec, int sample) {
        byte[] encoded = spec.encode(spec.samples().get(sample));

        for (int i = 0; i < encoded.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = encoded.clone();
                flipped[i] ^= (byte) (1 << bit);
                rejectedOrCanonical(spec, flipped, "byte " + i + " bit " + bit);
            }
        }
    }

    /** True if rejected with exactly a decode exception; otherwise the input must be the canonical encoding. */
    static boolean rejectedOrCanonical(CodecSpec spec, byte[] input, String what) {
        Object decoded;
        try {
            decoded = spec.decode(input);
        } catch (Throwable t) {
            if (t.getClass() != CborDecodeException.class) {
                fail(what + ": expected CborDecodeException, got " + t, t);
            }
            return true;
        }
        assertThat(HexFormat.of().formatHex(spec.encode(decoded))).as("%s accepted, so must re-encode exactly", what)
                .isEqualTo(HexFormat.of().formatHex(input));
        return false;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
