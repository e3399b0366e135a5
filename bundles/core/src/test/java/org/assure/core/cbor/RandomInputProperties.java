package org.assure.core.cbor;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random and randomly damaged input for every codec: decoding either fails with exactly
 * {@link CborDecodeException} or accepts an input that is the canonical encoding of what it decoded.
 */
class RandomInputProperties {
    @Property(tries = 2000)
    void random_bytes_are_rejected_or_canonical(@ForAll("codecs") CodecSpec spec, @ForAll @Size(max = 48) byte[] data) {
        MalformedInputTest.rejectedOrCanonical(spec, data, "random input");
    }

    @Property(tries = 2000)
    void damaged_samples_are_rejected_or_canonical(@ForAll("codecs") CodecSpec spec, @ForAll int sample,
            @ForAll int position, @ForAll byte value, @ForAll("edits") int edit) {
        byte[] encoded = spec.encode(spec.samples().get(Math.floorMod(sample, spec.samples().size())));
        int at = Math.floorMod(position, encoded.length);
        byte[] damaged = switch (edit) {
            case 0 -> {
                byte[] copy = encoded.clone();
                copy[at] = value;
                yield copy;
            }
            case 1 -> {
                byte[] copy = new byte[encoded.length + 1];
                System.arraycopy(encoded, 0, copy, 0, at);
                copy[at] = value;
                System.arraycopy(encoded, at, copy, at + 1, encoded.length - at);
                yield copy;
            }
            default -> {
                byte[] copy = new byte[encoded.length - 1];
                System.arraycopy(encoded, 0, copy, 0, at);
                System.arraycopy(encoded, at + 1, copy, at, encoded.length - at - 1);
                yield copy;
            }
        };
        MalformedInputTest.rejectedOrCanonical(spec, damaged, "edit " + edit + " at " + at);
    }

    @Provide
    Arbitrary<CodecSpec> codecs() {
        return Arbitraries.of(CodecSpecs.all());
    }

    @Provide
    Arbitrary<Integer> edits() {
        return Arbitraries.of(0, 1, 2);
    }
}
