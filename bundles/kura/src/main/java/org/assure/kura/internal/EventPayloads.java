package org.assure.kura.internal;

import java.time.Instant;
import java.util.Date;
import org.assure.kura.internal.AssureEvent.ChannelEvent;
import org.eclipse.kura.message.KuraPayload;

/**
 * Turns events into Kura payloads with the metric names of docs/kura-events.md. Those names are an interface to
 * whoever consumes the events in the cloud: never rename one, only add.
 */
final class EventPayloads {
    /** The event name (String), e.g. {@code channel.state}. */
    static final String EVENT = "event";
    /** Number of the event since the publisher started (Long, from 1), so a consumer can see gaps. */
    static final String SEQUENCE = "event.sequence";
    /** Prefix of a channel event's channel metrics. */
    static final String CHANNEL_PREFIX = "channel.";
    /** Prefix of the state a channel left (absent on creation). */
    static final String PREVIOUS_PREFIX = "channel.previous.";

    private EventPayloads() {
    }

    /** The payload of {@code event}, stamped with {@code at} and numbered {@code sequence}. */
    static KuraPayload payload(AssureEvent event, Instant at, long sequence) {
        KuraPayload payload = new KuraPayload();
        payload.setTimestamp(Date.from(at));
        payload.addMetric(EVENT, event.type());
        payload.addMetric(SEQUENCE, sequence);
        if (event instanceof ChannelEvent channel) {
            addChannel(payload, channel);
        }
        return payload;
    }

    private static void addChannel(KuraPayload payload, ChannelEvent event) {
        ChannelMetrics.add(payload, CHANNEL_PREFIX, event.channel());
        event.previous().ifPresent(previous -> ChannelMetrics.addState(payload, PREVIOUS_PREFIX, previous));
    }
}
