package org.assure.core.model;

/** Identity class registry, draft §7.7 and PROFILE §2. */
public enum IdentityClass {
    MANUFACTURER(0, "Manufacturer"),
    TRUSTED_AUTHORITY(1, "Trusted Authority"),
    MANAGEMENT_SYSTEM(2, "Management System"),
    BOOTSTRAP_SERVICE(3, "Bootstrap Service"),
    DEVICE(4, "Device"),
    CHANNEL(5, "Channel");

    private final int code;
    private final String label;

    IdentityClass(int code, String label) {
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
    public static IdentityClass fromCode(long code) {
        for (IdentityClass value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown IdentityClass " + code);
    }
}
