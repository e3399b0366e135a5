package org.assure.kura.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.PresenceResult;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.ChannelState;
import org.assure.keystore.KeyInfo;

/** Something that happened on the gateway and is worth telling the cloud (docs/kura-events.md). */
sealed interface AssureEvent {
    /** The stable event name, the {@code event} metric and the {@code eventType} message property. */
    String type();

    /** Which configuration switch governs this event. */
    EventCategory category();

    /** When it happened, if the source says; otherwise the publisher stamps the time it heard of it. */
    default Optional<Instant> at() {
        return Optional.empty();
    }

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

    /** A key appeared in the keystore ({@code added}) or disappeared from it; {@link KeyInfo} holds no secrets. */
    record KeyEvent(KeyInfo key, boolean added) implements AssureEvent {
        static final String ADDED = "key.added";
        static final String REMOVED = "key.removed";

        public KeyEvent {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String type() {
            return added ? ADDED : REMOVED;
        }

        @Override
        public EventCategory category() {
            return EventCategory.KEY;
        }
    }

    /** A bootstrap attempt ended; {@link BootstrapOutcome} holds fixed texts only. */
    record BootstrapEvent(BootstrapOutcome outcome) implements AssureEvent {
        static final String TYPE = "bootstrap.outcome";

        public BootstrapEvent {
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public EventCategory category() {
            return EventCategory.BOOTSTRAP;
        }

        @Override
        public Optional<Instant> at() {
            return Optional.of(outcome.at());
        }
    }

    /** A presence message to a management system was answered or failed. */
    record PresenceEvent(PresenceResult result) implements AssureEvent {
        static final String TYPE = "presence";

        public PresenceEvent {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public EventCategory category() {
            return EventCategory.BOOTSTRAP;
        }

        @Override
        public Optional<Instant> at() {
            return Optional.of(result.at());
        }
    }
}
