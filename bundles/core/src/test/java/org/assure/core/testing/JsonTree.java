package org.assure.core.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads test data files (vectors) into maps, lists, strings, longs, booleans and nulls. */
public final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonTree() {
    }

    /** The parsed classpath resource {@code name}. */
    public static Object resource(String name) {
        try (InputStream in = JsonTree.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            try (JsonParser parser = FACTORY.createParser(in)) {
                parser.nextToken();
                return read(parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON document held in bytes (test inputs and encoder outputs). */
    public static Object parse(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks a map key to be written twice: {@code duplicate("a")} is written as {@code "a"}. */
    public static String duplicate(String name) {
        return name + DUPLICATE;
    }

    private static final String DUPLICATE = "\u0000dup";

    /**
     * Writes a tree compactly. Values are maps, lists, strings, numbers ({@link Long}, {@link Double}), booleans,
     * null, or {@link RawJson}.
     */
    public static byte[] write(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** JSON text inserted as it is. */
    public record RawJson(String text) {
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                g.writeFieldName(e.getKey().endsWith(DUPLICATE)
                        ? e.getKey().substring(0, e.getKey().length() - DUPLICATE.length()) : e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof String text) {
            g.writeString(text);
        } else if (value instanceof Long number) {
            g.writeNumber(number);
        } else if (value instanceof Double number) {
            g.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            g.writeBoolean(bool);
        } else if (value instanceof RawJson raw) {
            g.writeRawValue(raw.text());
        } else if (value == null) {
            g.writeNull();
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    private static Object read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, read(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected " + token);
        }
    }
}
