package org.assure.core.cbor;

import java.util.List;

/**
 * A codec under test, type-erased so that one parameterised test can run over all of them: its name (also the
 * name of its vector file), how to encode and decode, and sample values covering each variant.
 */
record CodecSpec(String name, Encoder encoder, Decoder decoder, List<?> samples) {
    @FunctionalInterface
    interface Encoder {
        byte[] encode(Object value);
    }

    @FunctionalInterface
    interface Decoder {
        Object decode(byte[] data) throws CborDecodeException;
    }

    @SuppressWarnings("unchecked")
    static <T> CodecSpec of(String name, java.util.function.Function<T, byte[]> encoder, Decoder decoder,
            List<? extends T> samples) {
        return new CodecSpec(name, value -> encoder.apply((T) value), decoder, samples);
    }

    byte[] encode(Object value) {
        return encoder.encode(value);
    }

    Object decode(byte[] data) throws CborDecodeException {
        return decoder.decode(data);
    }

    @Override
    public String toString() {
        return name;
    }
}
