package org.assure.cli.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HexFormat;
import org.assure.core.model.Bytes;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SimpleTimestamp;

/** How `assure inspect` writes single values. */
final class Values {
    /** Byte strings up to this length are shown whole. */
    static final int FULL_HEX = 32;
    /** Longer ones show this many leading bytes and their length. */
    static final int ABBREVIATED_HEX = 16;

    private Values() {
    }

    /** Hex, abbreviated with the length when long; {@code (empty)} for none. */
    static String bytes(Bytes value) {
        return bytes(value.toByteArray());
    }

    static String bytes(byte[] value) {
        if (value.length == 0) {
            return "(empty)";
        }
        if (value.length <= FULL_HEX) {
            return HexFormat.of().formatHex(value);
        }
        return HexFormat.of().formatHex(value, 0, ABBREVIATED_HEX) + "... (" + value.length + " bytes)";
    }

    /**
     * A secret is never shown, only whether it is there and its length.
     *
     * @param what for example {@code private key}
     */
    static String secret(String what, SecretBytes value) {
        return value.isEmpty() ? "(empty)" : "<" + what + " present, " + value.length() + " bytes>";
    }

    /** {@code 3 (Management System)}. */
    static String registry(long code, String label) {
        return code + " (" + label + ")";
    }

    /** The raw number and the instant; 0 in a signature bound reads "no bound". */
    static String bound(SimpleTimestamp timestamp) {
        return timestamp.isNone() ? "0 (no bound)" : timestamp(timestamp);
    }

    static String timestamp(SimpleTimestamp timestamp) {
        return timestamp.seconds() + " (" + timestamp.toInstant() + ")";
    }

    /** The fraction as a number, with its decimal value in seconds. */
    static String fraction(long fraction) {
        BigDecimal seconds = BigDecimal.valueOf(fraction).divide(BigDecimal.valueOf(1L << 32), 10, RoundingMode.DOWN)
                .stripTrailingZeros();
        return fraction + " (" + seconds.toPlainString() + " s)";
    }

    /** The whole instant of a precision timestamp, to the nanosecond below. */
    static Instant instant(PrecisionTimestamp timestamp) {
        return timestamp.toInstant();
    }
}
