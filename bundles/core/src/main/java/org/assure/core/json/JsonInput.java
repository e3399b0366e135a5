package org.assure.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * A strict pull reader for one JSON document on Jackson's streaming parser: UTF-8 only (RFC 8259 §8.1), at most
 * {@value #MAX_INPUT} bytes, nesting at most {@value #MAX_DEPTH}, duplicate fields rejected, one value with
 * nothing after it. Jackson's own messages quote the input, so they are never passed on. Not thread-safe.
 */
final class JsonInput {
    /** Largest document accepted (1 MiB). */
    static final int MAX_INPUT = 1024 * 1024;
    /** Deepest nesting of objects and arrays accepted, as for CBOR (PROFILE §1). */
    static final int MAX_DEPTH = 16;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_INPUT)
                    .maxNumberLength(32)
                    .build())
            .build();

    private final JsonParser parser;
    private final Deque<String> path = new ArrayDeque<>();
    private JsonToken pending;

    private JsonInput(JsonParser parser) {
        this.parser = parser;
    }

    /** A reader over {@code data}; the array is not copied and must not change while reading. */
    static JsonInput of(byte[] data) throws JsonDecodeException {
        if (data.length > MAX_INPUT) {
            throw new JsonDecodeException("", "document larger than " + MAX_INPUT + " bytes");
        }
        checkUtf8(data);
        try {
            return new JsonInput(FACTORY.createParser(data));
        } catch (IOException e) {
            throw new JsonDecodeException("", "unreadable JSON");
        }
    }

    /**
     * Strict UTF-8 (no overlong forms, no encoded surrogates) and no NUL bytes: JSON text never holds a raw NUL,
     * and without one Jackson's encoding detection cannot take the input for UTF-16 or UTF-32. The decoded copy
     * is cleared because documents may hold secrets.
     */
    private static void checkUtf8(byte[] data) throws JsonDecodeException {
        for (byte b : data) {
            if (b == 0) {
                throw new JsonDecodeException("", "not UTF-8 JSON");
            }
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data));
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        } catch (CharacterCodingException e) {
            throw new JsonDecodeException("", "not UTF-8");
        }
    }

    // ---- paths and errors ---------------------------------------------------------------------------

    String pathOf(String field) {
        StringBuilder b = new StringBuilder();
        for (var it = path.descendingIterator(); it.hasNext();) {
            append(b, it.next());
        }
        append(b, field);
        return b.toString();
    }

    private static void append(StringBuilder b, String name) {
        if (name.isEmpty()) {
            return;
        }
        if (b.length() > 0 && !name.startsWith("[")) {
            b.append('.');
        }
        b.append(name);
    }

    JsonDecodeException error(String field, String reason) {
        return new JsonDecodeException(pathOf(field), reason);
    }

    JsonDecodeException missing(String field) {
        return error(field, "missing");
    }

    JsonDecodeException unknown(String field) {
        return error(field, "unknown field");
    }

    /** {@code value}, or a "missing" failure at {@code field} (relative to the current object) if it is null. */
    <T> T required(String field, T value) throws JsonDecodeException {
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** Runs a model constructor, turning its validation failure into a decode failure at {@code field}. */
    <T> T construct(String field, Supplier<T> constructor) throws JsonDecodeException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw error(field, e.getMessage());
        }
    }

    // ---- tokens -------------------------------------------------------------------------------------

    private JsonToken peek(String field) throws JsonDecodeException {
        if (pending == null) {
            try {
                pending = parser.nextToken();
            } catch (StreamConstraintsException e) {
                throw error(field, "nesting deeper than " + MAX_DEPTH + " or value too long");
            } catch (IOException | RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                throw error(field, message.startsWith("Duplicate field") ? "duplicate field" : "malformed JSON");
            }
            if (pending == null) {
                throw error(field, "truncated");
            }
        }
        return pending;
    }

    private JsonToken next(String field) throws JsonDecodeException {
        JsonToken token = peek(field);
        pending = null;
        return token;
    }

    /** Fails unless the whole document has been read. */
    void expectEnd() throws JsonDecodeException {
        if (pending != null) {
            throw error("", "content after the document");
        }
        try {
            if (parser.nextToken() != null) {
                throw error("", "content after the document");
            }
        } catch (IOException | RuntimeException e) {
            throw error("", "malformed JSON after the document");
        }
    }

    // ---- containers ---------------------------------------------------------------------------------

    /** Enters an object; read its fields with {@link #nextField()}. */
    void startObject(String field) throws JsonDecodeException {
        if (next(field) != JsonToken.START_OBJECT) {
            throw error(field, "expected an object");
        }
        path.push(field);
    }

    /** The next field name of the current object, or {@code null} once it ends (the object is then left). */
    String nextField() throws JsonDecodeException {
        JsonToken token = next("");
        if (token == JsonToken.END_OBJECT) {
            path.pop();
            return null;
        }
        if (token != JsonToken.FIELD_NAME) {
            // Only if a caller left a value unread; Jackson yields field names or the end inside an object.
            throw new IllegalStateException("value of the previous field not consumed");
        }
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw error("", "malformed JSON");
        }
    }

    /** Enters an array; read its items while {@link #hasNextItem()}. */
    void startArray(String field) throws JsonDecodeException {
        if (next(field) != JsonToken.START_ARRAY) {
            throw error(field, "expected an array");
        }
        path.push(field);
    }

    /** Whether the current array has another item; leaves the array when it has not. */
    boolean hasNextItem() throws JsonDecodeException {
        if (peek("") == JsonToken.END_ARRAY) {
            next("");
            path.pop();
            return false;
        }
        return true;
    }

    /** Skips one value of any type (nested values included). */
    void skipValue(String field) throws JsonDecodeException {
        JsonToken token = next(field);
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            try {
                parser.skipChildren();
            } catch (StreamConstraintsException e) {
                throw error(field, "nesting deeper than " + MAX_DEPTH + " or value too long");
            } catch (IOException | RuntimeException e) {
                throw error(field, "malformed JSON");
            }
        }
    }

    /** An object, returned as compact JSON text (fields in document order). */
    String readObjectAsText(String field) throws JsonDecodeException {
        if (next(field) != JsonToken.START_OBJECT) {
            throw error(field, "expected an object");
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        } catch (StreamConstraintsException e) {
            throw error(field, "nesting deeper than " + MAX_DEPTH + " or value too long");
        } catch (IOException | RuntimeException e) {
            throw error(field, "malformed JSON");
        }
        return out.toString();
    }

    // ---- scalars ------------------------------------------------------------------------------------

    String readText(String field) throws JsonDecodeException {
        if (next(field) != JsonToken.VALUE_STRING) {
            throw error(field, "expected a string");
        }
        String text;
        try {
            text = parser.getText();
        } catch (IOException e) {
            throw error(field, "malformed string");
        }
        if (!isWellFormed(text)) {
            // "\ud800" escapes can smuggle unpaired surrogates past the UTF-8 check.
            throw error(field, "unpaired surrogate");
        }
        return text;
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    long readLong(String field, long min, long max) throws JsonDecodeException {
        if (next(field) != JsonToken.VALUE_NUMBER_INT) {
            throw error(field, "expected an integer");
        }
        try {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw error(field, "value out of range " + min + ".." + max);
            }
            long value = parser.getLongValue();
            if (value < min || value > max) {
                throw error(field, "value out of range " + min + ".." + max);
            }
            return value;
        } catch (IOException e) {
            throw error(field, "malformed number");
        }
    }

    boolean readBoolean(String field) throws JsonDecodeException {
        JsonToken token = next(field);
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw error(field, "expected true or false");
    }

    /**
     * A secret as hex digits (either case) of {@code min}..{@code max} bytes, decoded from the parser's buffer
     * without making a {@link String} of it; clear the result after use.
     */
    byte[] readSecretHex(String field, int min, int max) throws JsonDecodeException {
        if (next(field) != JsonToken.VALUE_STRING) {
            throw error(field, "expected a string");
        }
        try {
            char[] buffer = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            if (length % 2 != 0 || length > 2L * max || length < 2L * min) {
                throw error(field, "expected hex of " + min + ".." + max + " bytes");
            }
            byte[] secret = new byte[length / 2];
            for (int i = 0; i < secret.length; i++) {
                char high = buffer[offset + 2 * i];
                char low = buffer[offset + 2 * i + 1];
                if (!isAsciiHex(high) || !isAsciiHex(low)) {
                    Arrays.fill(secret, (byte) 0);
                    throw error(field, "expected hex digits");
                }
                secret[i] = (byte) (Character.digit(high, 16) << 4 | Character.digit(low, 16));
            }
            return secret;
        } catch (IOException e) {
            throw error(field, "malformed string");
        }
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A strict parse of one stored object text, for re-emitting it (see {@link JsonOutput}). */
    static JsonParser parserFor(String objectText) throws IOException {
        return FACTORY.createParser(objectText);
    }

    static JsonFactory factory() {
        return FACTORY;
    }
}
