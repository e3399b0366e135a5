package org.assure.core.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.assure.core.model.SecretBytes;

/** Writes one compact UTF-8 JSON document through Jackson's generator, fields in the order the writer gives. */
final class JsonOutput {
    /** Writes the document through the given generator. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    private JsonOutput() {
    }

    static byte[] encode(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JsonInput.factory().createGenerator(out, JsonEncoding.UTF8)) {
            body.write(generator);
        } catch (IOException e) {
            // Writing to memory fails only on a programming error (e.g. unbalanced objects).
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void hex(JsonGenerator g, String field, byte[] value) throws IOException {
        g.writeStringField(field, HexFormat.of().formatHex(value));
    }

    /** A secret as lower-case hex, written from a char array that is cleared afterwards. */
    static void secretHex(JsonGenerator g, String field, SecretBytes secret) throws IOException {
        byte[] value = secret.toByteArray();
        char[] hex = new char[2 * value.length];
        try {
            HexFormat.of().formatHex(CharBuffer.wrap(hex), value);
            g.writeFieldName(field);
            g.writeString(hex, 0, hex.length);
        } finally {
            Arrays.fill(value, (byte) 0);
            Arrays.fill(hex, '\0');
        }
    }

    static void base64(JsonGenerator g, byte[] value) throws IOException {
        g.writeString(Base64.getEncoder().encodeToString(value));
    }

    /**
     * Copies a stored JSON object text into the document.
     *
     * @throws IllegalArgumentException unless {@code objectText} is exactly one JSON object
     */
    static void object(JsonGenerator g, String objectText) throws IOException {
        try (JsonParser parser = JsonInput.parserFor(objectText)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            g.copyCurrentStructure(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("content after the JSON object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
    }
}
