package org.assure.keystore;

/** Result of importing an authenticated key (draft §10.1.1). */
public enum ImportOutcome {
    /** The key was added (2.01). */
    CREATED,
    /** The identical key was already stored; nothing changed (2.04). */
    ALREADY_PRESENT
}
