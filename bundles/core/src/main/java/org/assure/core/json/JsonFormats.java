package org.assure.core.json;

import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/** The text formats inside the documents (PROFILE-ADDITIONS §9): UUIDs, hex and base64 strings. */
final class JsonFormats {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX_TEXT = Pattern.compile("([0-9a-fA-F]{2})*");

    private JsonFormats() {
    }

    /** A UUID in the RFC 4122 text form (either case); {@link UUID#fromString} alone would take "1-2-3-4-5". */
    static UUID uuid(JsonInput in, String field) throws JsonDecodeException {
        String text = in.readText(field);
        if (!UUID_TEXT.matcher(text).matches()) {
            throw in.error(field, "expected a UUID as 8-4-4-4-12 hex digits");
        }
        return UUID.fromString(text);
    }

    /** Hex digits (either case, no separators) of {@code min}..{@code max} bytes. */
    static byte[] hex(JsonInput in, String field, int min, int max) throws JsonDecodeException {
        String text = in.readText(field);
        if (text.length() > 2L * max || !HEX_TEXT.matcher(text).matches()) {
            throw in.error(field, "expected hex of at most " + max + " bytes");
        }
        if (text.length() < 2L * min) {
            throw in.error(field, "expected hex of at least " + min + " bytes");
        }
        return HexFormat.of().parseHex(text);
    }

    /**
     * Canonical base64 (RFC 4648 §4: standard alphabet, padding, no line breaks, unused bits zero); the JDK
     * decoder alone accepts missing padding and non-zero unused bits, so the text must re-encode exactly.
     */
    static byte[] base64(JsonInput in, String field) throws JsonDecodeException {
        String text = in.readText(field);
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw in.error(field, "invalid base64");
        }
        if (!Base64.getEncoder().encodeToString(data).equals(text)) {
            throw in.error(field, "non-canonical base64");
        }
        return data;
    }
}
