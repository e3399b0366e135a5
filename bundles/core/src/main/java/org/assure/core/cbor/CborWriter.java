package org.assure.core.cbor;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;
import org.assure.core.model.Bytes;
import org.assure.core.model.Uuids;

/**
 * Writes CBOR in the core deterministic encoding (RFC 8949 §4.2.1, PROFILE §1) through Jackson's
 * {@link CBORGenerator}: definite lengths only, shortest integer and length forms (the generator's minimal-int
 * mode), map keys given in ascending order by the caller. Not thread-safe; one instance per encoding.
 */
public final class CborWriter {
    /** Encodes one structure; the lambda writes through the given writer. */
    @FunctionalInterface
    public interface Body {
        void write(CborWriter writer);
    }

    private static final CBORFactory FACTORY = CBORFactory.builder()
            .enable(CBORGenerator.Feature.WRITE_MINIMAL_INTS)
            .disable(CBORGenerator.Feature.WRITE_TYPE_HEADER)
            .build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    private final CBORGenerator generator;

    private CborWriter() {
        try {
            generator = FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code body} and returns the bytes written (one item, or a CBOR sequence if it writes several). */
    public static byte[] encode(Body body) {
        CborWriter writer = new CborWriter();
        body.write(writer);
        return writer.finish();
    }

    private byte[] finish() {
        try {
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public CborWriter startArray(int size) {
        try {
            generator.writeStartArray(null, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CborWriter endArray() {
        try {
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CborWriter startMap(int size) {
        try {
            generator.writeStartObject(null, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** An unsigned-integer map key; callers write keys in ascending order. */
    public CborWriter mapKey(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("map keys are unsigned");
        }
        try {
            generator.writeFieldId(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CborWriter endMap() {
        try {
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CborWriter integer(long value) {
        try {
            generator.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CborWriter bytes(byte[] value) {
        try {
            generator.writeBinary(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CborWriter bytes(Bytes value) {
        return bytes(value.toByteArray());
    }

    /** A secret byte string; the temporary copy is cleared after writing. */
    public CborWriter secretBytes(org.assure.core.model.SecretBytes value) {
        byte[] copy = value.toByteArray();
        try {
            return bytes(copy);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    public CborWriter uuid(UUID value) {
        return bytes(Uuids.toBytes(value));
    }

    public CborWriter text(String value) {
        try {
            generator.writeString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CborWriter bool(boolean value) {
        try {
            generator.writeBoolean(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CborWriter nullValue() {
        try {
            generator.writeNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
