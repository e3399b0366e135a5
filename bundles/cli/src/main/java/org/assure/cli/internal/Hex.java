package org.assure.cli.internal;

import java.util.HexFormat;

/** Hex text as the tool reads and writes it: lower case out, either case in, whitespace ignored. */
final class Hex {
    private Hex() {
    }

    /**
     * Parses hex text, ignoring whitespace (so that dumps wrapped over several lines paste as they are).
     *
     * @param what names the input in the error message
     * @throws CliException if the text is not an even number of hex digits
     */
    static byte[] parse(String text, String what) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                digits.append(c);
            }
        }
        if (digits.length() % 2 != 0) {
            throw new CliException(what + " is not hex: odd number of digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new CliException(what + " is not hex: unexpected character at digit " + (i + 1));
            }
        }
        return HexFormat.of().parseHex(digits);
    }

    static String format(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
