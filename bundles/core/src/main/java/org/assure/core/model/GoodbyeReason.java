package org.assure.core.model;

/** Goodbye reasons, draft §11.3.2. */
public enum GoodbyeReason {
    SHUTTING_DOWN(0, "shutting down"),
    REBOOT_BY_MANAGEMENT(1, "reboot by management"),
    BOOTSTRAP_BY_MANAGEMENT(2, "bootstrap by management"),
    REBOOT_BY_LOCAL_CONTROL(3, "reboot by local control"),
    BOOTSTRAP_BY_LOCAL_CONTROL(4, "bootstrap by local control");

    private final int code;
    private final String label;

    GoodbyeReason(int code, String label) {
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
    public static GoodbyeReason fromCode(long code) {
        for (GoodbyeReason value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown GoodbyeReason " + code);
    }
}
