package org.assure.core.cbor;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.assure.core.model.Bytes;
import org.assure.core.model.Uuids;

/**
 * A strict pull reader for one CBOR data item or a CBOR sequence (PROFILE §1). Jackson's {@link CBORParser}
 * tokenises; every token's initial bytes are also checked here, because the token API hides them: indefinite
 * lengths, tags, floats and simple values other than true/false/null, non-shortest heads and reserved additional
 * information are rejected, as are nesting deeper than {@value #MAX_DEPTH}, byte strings over the caller's limit,
 * duplicate or unsorted map keys and trailing bytes. Not thread-safe; one instance per input.
 */
public final class CborReader {
    /** Deepest nesting of arrays and maps accepted. */
    public static final int MAX_DEPTH = 16;
    /** Default limit on a byte string (64 KiB). */
    public static final int MAX_BYTES = 64 * 1024;
    /** Limit on a byte string inside a bootstrap image (1 MiB). */
    public static final int MAX_IMAGE_BYTES = 1024 * 1024;
    /** Limit on a whole input (4 MiB). */
    public static final int MAX_INPUT = 4 * 1024 * 1024;

    private static final CBORFactory FACTORY = new CBORFactory();

    private final byte[] data;
    private final CBORParser parser;
    private final Deque<String> path = new ArrayDeque<>();
    private final Deque<long[]> mapKeys = new ArrayDeque<>();
    private JsonToken pending;
    private int pendingOffset;
    private int depth;
    // Head of the token being consumed: major type, argument, head length, offset.
    private int major;
    private long argument;
    private int headLength;
    private int offset;

    private CborReader(byte[] data) throws CborDecodeException {
        if (data.length > MAX_INPUT) {
            throw new CborDecodeException("", "input larger than " + MAX_INPUT + " bytes");
        }
        this.data = data;
        try {
            this.parser = FACTORY.createParser(data);
        } catch (IOException e) {
            throw new CborDecodeException("", "unreadable CBOR");
        }
    }

    /** A reader over {@code data}; the array is not copied and must not change while reading. */
    public static CborReader of(byte[] data) throws CborDecodeException {
        return new CborReader(data);
    }

    // ---- navigation -------------------------------------------------------------------------------------

    /** The dotted path of the containers entered so far, plus {@code field}. */
    public String pathOf(String field) {
        StringBuilder b = new StringBuilder();
        for (var it = path.descendingIterator(); it.hasNext();) {
            append(b, it.next());
        }
        append(b, field);
        return b.toString();
    }

    private static void append(StringBuilder b, String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (b.length() > 0 && !name.startsWith("[")) {
            b.append('.');
        }
        b.append(name);
    }

    /** A decode failure at {@code field} under the current path. */
    public CborDecodeException error(String field, String reason) {
        return new CborDecodeException(pathOf(field), reason);
    }

    /** The type of the next data item, without consuming it; fails at the end of the input or a container. */
    public CborType peekType(String field) throws CborDecodeException {
        JsonToken token = peek(field);
        if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
            throw error(field, "missing item");
        }
        return typeAt(pendingOffset);
    }

    /**
     * The type of the first item inside the array that comes next, without consuming anything: for structures
     * told apart by their first item (PSK hints, PROFILE §6). Fails unless a non-empty array comes next.
     */
    public CborType peekFirstItemType(String field) throws CborDecodeException {
        if (peekType(field) != CborType.ARRAY) {
            throw error(field, "expected an array");
        }
        // peek() checked the array head at pendingOffset and left its argument and length in the head fields.
        if (argument == 0) {
            throw error(field, "expected a non-empty array");
        }
        int first = pendingOffset + headLength;
        readHead(first, field + "[0]");
        return typeAt(first);
    }

    /** True when a sequence has no further items (top level) — the input is fully consumed. */
    public boolean atEnd() throws CborDecodeException {
        if (pending != null) {
            return false;
        }
        if (depth != 0) {
            throw new IllegalStateException("atEnd() is for the top level");
        }
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return true;
            }
            pending = token;
            pendingOffset = (int) parser.currentTokenLocation().getByteOffset();
            checkHead(pendingOffset, "");
            return false;
        } catch (IOException e) {
            throw error("", "malformed CBOR after item");
        }
    }

    /** Fails unless the whole input has been consumed. */
    public void expectEnd() throws CborDecodeException {
        if (!atEnd()) {
            throw error("", "trailing bytes after the data item");
        }
    }

    // ---- containers -------------------------------------------------------------------------------------

    /**
     * Reads an array head with between {@code min} and {@code max} items and enters it; close with
     * {@link #endArray()}.
     */
    public int readArrayStart(String field, int min, int max) throws CborDecodeException {
        JsonToken token = next(field);
        if (token != JsonToken.START_ARRAY || major != 4) {
            throw error(field, "expected an array");
        }
        // Checked before entering, so that the path names the array once.
        if (argument < min || argument > max) {
            throw error(field, min == max ? "expected " + min + " items, got " + Long.toUnsignedString(argument)
                    : "expected " + min + ".." + max + " items, got " + Long.toUnsignedString(argument));
        }
        enterContainer(field);
        return (int) argument;
    }

    /** Leaves the current array; fails if it has unread items. */
    public void endArray() throws CborDecodeException {
        JsonToken token = next("");
        if (token != JsonToken.END_ARRAY) {
            throw error("", "unexpected extra items");
        }
        leaveContainer();
    }

    /** Reads a map head with at most {@code max} entries and enters it; close with {@link #endMap()}. */
    public int readMapStart(String field, int max) throws CborDecodeException {
        JsonToken token = next(field);
        if (token != JsonToken.START_OBJECT || major != 5) {
            throw error(field, "expected a map");
        }
        if (argument < 0 || argument > max) {
            throw error(field, "map with more than " + max + " entries");
        }
        enterContainer(field);
        mapKeys.push(new long[] {-1});
        return (int) argument;
    }

    /**
     * Reads an unsigned-integer map key; keys must be strictly increasing (deterministic order, no duplicates).
     */
    public long readMapKey() throws CborDecodeException {
        JsonToken token = next("key");
        if (token != JsonToken.FIELD_NAME || major != 0) {
            throw error("key", "map keys must be unsigned integers");
        }
        long[] last = mapKeys.peek();
        if (argument < 0 || argument <= last[0]) {
            throw error("key", "map keys must be unique and in ascending order");
        }
        last[0] = argument;
        return argument;
    }

    /** Leaves the current map. */
    public void endMap() throws CborDecodeException {
        JsonToken token = next("");
        if (token != JsonToken.END_OBJECT) {
            throw error("", "unexpected extra map entries");
        }
        mapKeys.pop();
        leaveContainer();
    }

    private void enterContainer(String field) throws CborDecodeException {
        if (++depth > MAX_DEPTH) {
            throw error(field, "nesting deeper than " + MAX_DEPTH);
        }
        path.push(field);
    }

    private void leaveContainer() {
        depth--;
        path.pop();
    }

    // ---- scalars ----------------------------------------------------------------------------------------

    /** An unsigned integer in [{@code min}, {@code max}]. */
    public long readUnsigned(String field, long min, long max) throws CborDecodeException {
        JsonToken token = next(field);
        if (token != JsonToken.VALUE_NUMBER_INT || major != 0) {
            throw error(field, "expected an unsigned integer");
        }
        if (argument < min || argument > max) {
            // A negative argument is above 2^63 once read as unsigned.
            throw error(field, "value out of range " + min + ".." + max);
        }
        return argument;
    }

    /** An unsigned or negative integer in [{@code min}, {@code max}]. */
    public long readInteger(String field, long min, long max) throws CborDecodeException {
        JsonToken token = next(field);
        if (token != JsonToken.VALUE_NUMBER_INT || (major != 0 && major != 1)) {
            throw error(field, "expected an integer");
        }
        if (argument < 0) {
            throw error(field, "integer out of range");
        }
        long value = major == 0 ? argument : -1 - argument;
        if (value < min || value > max) {
            throw error(field, "value out of range " + min + ".." + max);
        }
        return value;
    }

    /** A byte string of {@code min}..{@code max} bytes. */
    public byte[] readBytes(String field, int min, int max) throws CborDecodeException {
        JsonToken token = next(field);
        if (token != JsonToken.VALUE_EMBEDDED_OBJECT || major != 2) {
            throw error(field, "expected a byte string");
        }
        if (argument < 0 || argument > max) {
            throw error(field, "byte string longer than " + max + " bytes");
        }
        if (argument < min) {
            throw error(field, min == max ? "expected " + min + " bytes" : "byte string shorter than " + min + " bytes");
        }
        if (offset + headLength + argument > data.length) {
            throw error(field, "truncated");
        }
        try {
            return parser.getBinaryValue();
        } catch (IOException e) {
            throw error(field, "truncated");
        }
    }

    /** A byte string as {@link Bytes}. */
    public Bytes readByteString(String field, int min, int max) throws CborDecodeException {
        return Bytes.of(readBytes(field, min, max));
    }

    /** A 16-byte UUID (PROFILE §1). */
    public UUID readUuid(String field) throws CborDecodeException {
        return Uuids.fromBytes(readBytes(field, Uuids.LENGTH, Uuids.LENGTH));
    }

    /** A UTF-8 text string of at most {@code maxBytes} encoded bytes. */
    public String readText(String field, int maxBytes) throws CborDecodeException {
        JsonToken token = next(field);
        if (token != JsonToken.VALUE_STRING || major != 3) {
            throw error(field, "expected a text string");
        }
        if (argument < 0 || argument > maxBytes) {
            throw error(field, "text longer than " + maxBytes + " bytes");
        }
        if (offset + headLength + argument > data.length) {
            throw error(field, "truncated");
        }
        if (!Utf8.isValid(data, offset + headLength, (int) argument)) {
            throw error(field, "text is not valid UTF-8");
        }
        try {
            return parser.getText();
        } catch (IOException e) {
            throw error(field, "text is not valid UTF-8");
        }
    }

    /** {@code true} or {@code false}. */
    public boolean readBoolean(String field) throws CborDecodeException {
        JsonToken token = next(field);
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw error(field, "expected a boolean");
    }

    /** Consumes a {@code null} if one comes next. */
    public boolean readNullIfPresent(String field) throws CborDecodeException {
        if (peek(field) == JsonToken.VALUE_NULL) {
            next(field);
            return true;
        }
        return false;
    }

    /** Consumes the next data item whatever its type, with all the usual checks. */
    public void skipItem(String field) throws CborDecodeException {
        CborType type = peekType(field);
        switch (type) {
            case ARRAY -> {
                int n = readArrayStart(field, 0, Integer.MAX_VALUE);
                for (int i = 0; i < n; i++) {
                    skipItem("[" + i + "]");
                }
                endArray();
            }
            case MAP -> {
                int n = readMapStart(field, Integer.MAX_VALUE);
                for (int i = 0; i < n; i++) {
                    readMapKey();
                    skipItem("[" + i + "]");
                }
                endMap();
            }
            case UNSIGNED, NEGATIVE -> readInteger(field, Long.MIN_VALUE, Long.MAX_VALUE);
            case BYTES -> readBytes(field, 0, MAX_IMAGE_BYTES);
            case TEXT -> readText(field, MAX_BYTES);
            case BOOLEAN -> readBoolean(field);
            case NULL -> next(field);
        }
    }

    // ---- tokens and heads -------------------------------------------------------------------------------

    private JsonToken peek(String field) throws CborDecodeException {
        if (pending == null) {
            pending = nextFromParser(field);
            pendingOffset = lastTokenOffset();
            if (pending != JsonToken.END_ARRAY && pending != JsonToken.END_OBJECT) {
                checkHead(pendingOffset, field);
            }
        }
        return pending;
    }

    private JsonToken next(String field) throws CborDecodeException {
        JsonToken token = peek(field);
        pending = null;
        if (token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT) {
            offset = pendingOffset;
            readHead(offset, field);
        }
        return token;
    }

    private JsonToken nextFromParser(String field) throws CborDecodeException {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw error(field, "truncated");
            }
            return token;
        } catch (IOException | RuntimeException e) {
            throw error(field, "truncated or malformed CBOR");
        }
    }

    private int lastTokenOffset() {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    private CborType typeAt(int at) {
        int initial = data[at] & 0xff;
        return switch (initial >>> 5) {
            case 0 -> CborType.UNSIGNED;
            case 1 -> CborType.NEGATIVE;
            case 2 -> CborType.BYTES;
            case 3 -> CborType.TEXT;
            case 4 -> CborType.ARRAY;
            case 5 -> CborType.MAP;
            default -> initial == 0xf6 ? CborType.NULL : CborType.BOOLEAN;
        };
    }

    private void checkHead(int at, String field) throws CborDecodeException {
        readHead(at, field);
    }

    /** Decodes and checks the head at {@code at} into major/argument/headLength. */
    private void readHead(int at, String field) throws CborDecodeException {
        if (at < 0 || at >= data.length) {
            throw error(field, "truncated");
        }
        int initial = data[at] & 0xff;
        int mt = initial >>> 5;
        int info = initial & 0x1f;
        if (mt == 6) {
            throw error(field, "tags are not allowed");
        }
        if (mt == 7) {
            if (initial != 0xf4 && initial != 0xf5 && initial != 0xf6) {
                throw error(field, "only true, false and null are allowed as simple values");
            }
            major = 7;
            argument = info;
            headLength = 1;
            return;
        }
        if (info == 31) {
            throw error(field, "indefinite lengths are not allowed");
        }
        if (info >= 28) {
            throw error(field, "reserved additional information");
        }
        int extra = info < 24 ? 0 : 1 << (info - 24);
        if (at + extra >= data.length && extra > 0) {
            throw error(field, "truncated");
        }
        long value = info < 24 ? info : 0;
        for (int i = 1; i <= extra; i++) {
            value = (value << 8) | (data[at + i] & 0xff);
        }
        long shortestFloor = switch (extra) {
            case 1 -> 24;
            case 2 -> 0x100;
            case 4 -> 0x1_0000;
            case 8 -> 0x1_0000_0000L;
            default -> 0;
        };
        if (extra > 0 && Long.compareUnsigned(value, shortestFloor) < 0) {
            throw error(field, "integer or length not in shortest form");
        }
        major = mt;
        argument = value;
        headLength = 1 + extra;
    }
}
