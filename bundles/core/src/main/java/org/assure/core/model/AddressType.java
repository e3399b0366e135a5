package org.assure.core.model;

/** Address types, draft §12.4 and PROFILE §2. */
public enum AddressType {
    BACNET(0, "BACnet"),
    IP(1, "IP"),
    BLUETOOTH(2, "Bluetooth");

    private final int code;
    private final String label;

    AddressType(int code, String label) {
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
    public static AddressType fromCode(long code) {
        for (AddressType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown AddressType " + code);
    }
}
