package org.assure.kura.internal;

import java.util.Objects;
import java.util.Optional;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.ChannelState;

/** Something that happened on the gateway and is worth telling the cloud (docs/kura-events.md). */
sealed interface AssureEvent {
    /** The stable event name, the {@code event} metric and the {@code eventType} message property. */
    String type();

    /** Which configuration switch governs this event. */
    EventCategory category();

    /** What a published event belongs to; each category can be switched off in the configuration. */
    enum EventCategory {
        CHANNEL, KEY, BOOTSTRAP
    }

    /**
     * A channel was created ({@code previous} empty), changed state, or was deleted ({@code deleted}, the channel in
     * its last state).
     */
    record ChannelEvent(ManagedChannel channel, Optional<ChannelState> previous, boolean deleted)
            implements AssureEvent {
        static final String CREATED = "channel.created";
        static final String STATE = "channel.state";
        static final String DELETED = "channel.deleted";

        public ChannelEvent {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(previous, "previous");
        }

        @Override
        public String type() {
            if (deleted) {
                return DELETED;
            }
            return previous.isEmpty() ? CREATED : STATE;
        }

        @Override
        public EventCategory category() {
            return EventCategory.CHANNEL;
        }
    }
}
