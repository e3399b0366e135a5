package org.assure.core.cbor;

import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.SimpleTimestamp;

/**
 * aSSURE timestamps, draft §7.11 and PROFILE §8: a simple timestamp is an unsigned integer of seconds since
 * 2010-01-01T00:00:00Z (up to 2^32 - 1); a precision timestamp is {@code [secs, frac]} with {@code frac} the
 * fraction of a second times 2^32 ({@code GET /v1/timestamp}, draft §11.4.1).
 */
public final class TimestampCodec {
    /** Exclusive upper bound of {@code timestamp_frac}. */
    private static final long FRACTION_LIMIT = 1L << 32;

    private TimestampCodec() {
    }

    public static byte[] encodeSimple(SimpleTimestamp timestamp) {
        return CborWriter.encode(w -> writeSimple(w, timestamp));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one unsigned integer up to 2^32 - 1
     */
    public static SimpleTimestamp decodeSimple(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        SimpleTimestamp timestamp = readSimple(reader, "timestamp_secs");
        reader.expectEnd();
        return timestamp;
    }

    public static void writeSimple(CborWriter w, SimpleTimestamp timestamp) {
        w.integer(timestamp.seconds());
    }

    public static SimpleTimestamp readSimple(CborReader r, String field) throws CborDecodeException {
        return new SimpleTimestamp(r.readUnsigned(field, 0, Limits.TIMESTAMP));
    }

    public static byte[] encodePrecision(PrecisionTimestamp timestamp) {
        return CborWriter.encode(w -> writePrecision(w, timestamp));
    }

    /**
     * @throws CborDecodeException if {@code data} is not exactly one {@code [secs, frac]} array
     */
    public static PrecisionTimestamp decodePrecision(byte[] data) throws CborDecodeException {
        CborReader reader = CborReader.of(data);
        PrecisionTimestamp timestamp = readPrecision(reader, "timestamp");
        reader.expectEnd();
        return timestamp;
    }

    public static void writePrecision(CborWriter w, PrecisionTimestamp timestamp) {
        w.startArray(2).integer(timestamp.seconds()).integer(timestamp.fraction()).endArray();
    }

    public static PrecisionTimestamp readPrecision(CborReader r, String field) throws CborDecodeException {
        r.readArrayStart(field, 2, 2);
        long seconds = r.readUnsigned("timestamp_secs", 0, Limits.TIMESTAMP);
        long fraction = r.readUnsigned("timestamp_frac", 0, FRACTION_LIMIT - 1);
        r.endArray();
        return new PrecisionTimestamp(seconds, fraction);
    }
}
