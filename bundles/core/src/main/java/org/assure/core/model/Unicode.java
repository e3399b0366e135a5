package org.assure.core.model;

/**
 * Text checks shared by the model: a Java string may hold unpaired surrogates, which no UTF-8 encoder (CBOR text,
 * JSON) can write, so texts that travel must be well-formed Unicode.
 */
final class Unicode {
    private Unicode() {
    }

    /**
     * @throws IllegalArgumentException if {@code text} holds an unpaired surrogate
     */
    static String requireWellFormed(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " is not well-formed Unicode (unpaired surrogate)");
            }
        }
        return text;
    }
}
