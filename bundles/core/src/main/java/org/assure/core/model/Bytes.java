package org.assure.core.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable byte string for non-secret protocol values (public keys, salts, signatures, ciphertexts).
 * Records use it instead of {@code byte[]} so that {@code equals} compares contents.
 */
public final class Bytes {
    /** The empty byte string. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    /** Copies {@code value}. */
    public static Bytes of(byte[] value) {
        Objects.requireNonNull(value, "value");
        return value.length == 0 ? EMPTY : new Bytes(value.clone());
    }

    /** Parses lower- or upper-case hex without separators. */
    public static Bytes fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** A fresh copy of the contents. */
    public byte[] toByteArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** Lower-case hex of the contents. */
    public String toHex() {
        return HexFormat.of().formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return value.length <= 64 ? "h'" + toHex() + "'" : "h'" + HexFormat.of().formatHex(value, 0, 32) + "…' (" + value.length + " bytes)";
    }
}
