package org.assure.core.model;

/** Key types a device can be asked to generate, draft §10.1.2. */
public enum GenerateKeyType {
    RSA_2048(0, "RSA 2048"),
    EC_P256(1, "EC P-256"),
    EC_P384(2, "EC P-384"),
    EC_P521(3, "EC P-521");

    private final int code;
    private final String label;

    GenerateKeyType(int code, String label) {
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
    public static GenerateKeyType fromCode(long code) {
        for (GenerateKeyType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown GenerateKeyType " + code);
    }
}
