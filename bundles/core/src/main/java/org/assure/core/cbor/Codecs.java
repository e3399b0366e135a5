package org.assure.core.cbor;

import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.assure.core.model.ContentType;

/** Helpers shared by the codecs of this package. */
final class Codecs {
    private Codecs() {
    }

    /** Reads the leading content-type integer and checks it. */
    static void expectContent(CborReader r, ContentType expected) throws CborDecodeException {
        long content = r.readUnsigned("content", 0, Long.MAX_VALUE);
        if (content != expected.code()) {
            throw r.error("content", "expected content type " + expected.code() + " (" + expected.name().toLowerCase()
                    .replace('_', ' ') + "), got " + content);
        }
    }

    /** Reads an unsigned integer and maps it through a closed registry. */
    static <T> T enumValue(CborReader r, String field, LongFunction<T> fromCode) throws CborDecodeException {
        long code = r.readUnsigned(field, 0, Integer.MAX_VALUE);
        try {
            return fromCode.apply(code);
        } catch (IllegalArgumentException e) {
            throw r.error(field, "unknown value " + code);
        }
    }

    /** Runs a model constructor, turning its validation failure into a decode failure at {@code field}. */
    static <T> T construct(CborReader r, String field, Supplier<T> constructor) throws CborDecodeException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw r.error(field, e.getMessage());
        }
    }
}
