package org.assure.channels.internal;

import java.util.Objects;
import org.assure.core.model.ChannelState;

/** A failed open attempt and the failure state to report (PROFILE §2: 10, 11, 12 or 13). */
public final class ChannelOpenException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ChannelState state;

    public ChannelOpenException(ChannelState state, String message) {
        super(message);
        this.state = Objects.requireNonNull(state, "state");
        if (state.code() < ChannelState.PEER_NO_ANSWER.code()) {
            throw new IllegalArgumentException("not a failure state: " + state);
        }
    }

    public ChannelState state() {
        return state;
    }

    /** The failure state of {@code error} (unwrapping completion wrappers); 13 for anything unexpected. */
    public static ChannelState stateOf(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof ChannelOpenException open) {
                return open.state();
            }
            t = t.getCause();
        }
        return ChannelState.OTHER_ERROR;
    }
}
