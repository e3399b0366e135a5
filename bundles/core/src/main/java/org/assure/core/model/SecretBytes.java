package org.assure.core.model;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable secret byte string: shared secrets, derived secrets, private keys. Its {@code toString} never
 * shows the contents, equality is constant-time, and every accessor hands out a copy that the caller should
 * clear with {@link Arrays#fill(byte[], byte)} when done.
 */
public final class SecretBytes {
    /** No secret (for example a public-only key). */
    public static final SecretBytes EMPTY = new SecretBytes(new byte[0]);

    private final byte[] value;

    private SecretBytes(byte[] value) {
        this.value = value;
    }

    /** Copies {@code value}; the caller keeps responsibility for clearing its own array. */
    public static SecretBytes of(byte[] value) {
        Objects.requireNonNull(value, "value");
        return value.length == 0 ? EMPTY : new SecretBytes(value.clone());
    }

    /** Takes {@code value} without copying and clears nothing; for arrays nobody else holds. */
    public static SecretBytes wrap(byte[] value) {
        Objects.requireNonNull(value, "value");
        return value.length == 0 ? EMPTY : new SecretBytes(value);
    }

    /** A fresh copy of the secret; clear it after use. */
    public byte[] toByteArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretBytes other && MessageDigest.isEqual(value, other.value);
    }

    @Override
    public int hashCode() {
        // Length only: a content hash would leak information through hash-based collections.
        return value.length;
    }

    @Override
    public String toString() {
        return value.length == 0 ? "SecretBytes[empty]" : "SecretBytes[redacted, " + value.length + " bytes]";
    }
}
