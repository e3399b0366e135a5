package org.assure.channels;

/** What {@link ChannelManager#delete} did (draft §10.1.10). */
public enum DeleteOutcome {
    /** Deleted now, or there was no such channel ({@code 2.02}). */
    DELETED,
    /** The channel was open or opening: it is being closed and is deleted once closed ({@code 2.04}). */
    CLOSING_THEN_DELETE
}
