package org.assure.core.cbor;

/** The kinds of CBOR data item the aSSURE structures use; anything else is rejected by {@link CborReader}. */
public enum CborType {
    UNSIGNED,
    NEGATIVE,
    BYTES,
    TEXT,
    ARRAY,
    MAP,
    BOOLEAN,
    NULL;

    /** True for both integer major types. */
    public boolean isInteger() {
        return this == UNSIGNED || this == NEGATIVE;
    }
}
