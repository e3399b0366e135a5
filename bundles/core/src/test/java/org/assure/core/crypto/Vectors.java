package org.assure.core.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Reads {@code vectors/crypto/*.json}: an array of flat objects whose values are strings or integers. */
final class Vectors {
    private Vectors() {
    }

    /** One vector: field name to its text (integers as decimal text). */
    record Vector(Map<String, String> fields) {
        String text(String name) {
            String value = fields.get(name);
            if (value == null) {
                throw new IllegalArgumentException("vector has no field " + name + ": " + fields);
            }
            return value;
        }

        byte[] hex(String name) {
            return HexFormat.of().parseHex(text(name));
        }

        int integer(String name) {
            return Integer.parseInt(text(name));
        }

        @Override
        public String toString() {
            return fields.getOrDefault("source", fields.toString());
        }
    }

    static List<Vector> load(String file) {
        String resource = "/vectors/crypto/" + file;
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing " + resource);
            }
            JsonParser parser = new JsonFactory().createParser(in);
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            List<Vector> vectors = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NUMBER_INT) {
                        throw new IllegalArgumentException(resource + ": field " + name + " is not a string or integer");
                    }
                    fields.put(name, parser.getText());
                }
                vectors.add(new Vector(Map.copyOf(fields)));
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + actual);
        }
    }
}
