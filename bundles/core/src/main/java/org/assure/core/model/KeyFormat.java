package org.assure.core.model;

/** Key format registry, draft §7.6 and PROFILE §2 (value 2 is the derived shared secret). */
public enum KeyFormat {
    EC(0, "EC"),
    RSA(1, "RSA"),
    DERIVED_SECRET(2, "derived shared secret");

    private final int code;
    private final String label;

    KeyFormat(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** A readable name, as the draft words it. */
    public String label() {
        return label;
    }

    /**
     * The entry for a wire value.
     *
     * @throws IllegalArgumentException if the registry has no such value
     */
    public static KeyFormat fromCode(long code) {
        for (KeyFormat value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown KeyFormat " + code);
    }
}
