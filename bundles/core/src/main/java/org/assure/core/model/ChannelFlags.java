package org.assure.core.model;

import java.util.List;

/**
 * The flags array of a channel configuration, draft §10.1.6. Flags the draft may add later are kept in
 * {@code additional} so that a configuration re-encodes exactly.
 */
public record ChannelFlags(boolean persistent, boolean openImmediately, boolean channelManagement,
        boolean systemManagement, boolean keyManagement, List<Boolean> additional) {
    /** Number of flags the draft defines. */
    public static final int DEFINED = 5;
    /** Upper bound on flags accepted from the wire. */
    public static final int MAX_FLAGS = 32;

    public ChannelFlags {
        additional = List.copyOf(additional);
        if (DEFINED + additional.size() > MAX_FLAGS) {
            throw new IllegalArgumentException("too many channel flags");
        }
    }

    public ChannelFlags(boolean persistent, boolean openImmediately, boolean channelManagement,
            boolean systemManagement, boolean keyManagement) {
        this(persistent, openImmediately, channelManagement, systemManagement, keyManagement, List.of());
    }

    /** A data channel: no management privileges. */
    public static ChannelFlags data(boolean persistent, boolean openImmediately) {
        return new ChannelFlags(persistent, openImmediately, false, false, false);
    }

    /** A management channel with every privilege. */
    public static ChannelFlags management(boolean persistent, boolean openImmediately) {
        return new ChannelFlags(persistent, openImmediately, true, true, true);
    }
}
