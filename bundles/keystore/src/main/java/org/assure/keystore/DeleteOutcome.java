package org.assure.keystore;

/** Result of deleting a key (draft §10.1.4: 2.02 in both cases). */
public enum DeleteOutcome {
    DELETED,
    /** There was no such key; nothing changed. */
    NOT_PRESENT
}
