package org.assure.core.model;

/** Content type registry, draft §7.5 and PROFILE §2. */
public enum ContentType {
    IDENTITY(0, "identity"),
    KEY(1, "key"),
    CONFIGURATION(2, "configuration"),
    ENCRYPTED_KEY(3, "encrypted key"),
    SIGNATURE(4, "signature"),
    OWNER(5, "owner");

    private final int code;
    private final String label;

    ContentType(int code, String label) {
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
    public static ContentType fromCode(long code) {
        for (ContentType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown ContentType " + code);
    }
}
