package org.assure.kura.internal;

import java.time.Instant;
import java.util.Date;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.PresenceResult;
import org.assure.kura.internal.AssureEvent.BootstrapEvent;
import org.assure.kura.internal.AssureEvent.ChannelEvent;
import org.assure.kura.internal.AssureEvent.KeyEvent;
import org.assure.kura.internal.AssureEvent.PresenceEvent;
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
    /** Prefix of a key event's key metrics. */
    static final String KEY_PREFIX = "key.";
    /** Bootstrap outcome: the result's name (String). */
    static final String BOOTSTRAP_RESULT = "bootstrap.result";
    /** Bootstrap outcome: whether the image was applied (Boolean). */
    static final String BOOTSTRAP_SUCCEEDED = "bootstrap.succeeded";
    /** Bootstrap outcome: the client's short fixed text (String). */
    static final String BOOTSTRAP_REASON = "bootstrap.reason";
    /** Bootstrap outcome: attempt number, 1 and up while attempts fail (Integer). */
    static final String BOOTSTRAP_ATTEMPT = "bootstrap.attempt";
    /** Bootstrap outcome: owner sequence stored, after a success (Long). */
    static final String BOOTSTRAP_OWNER_SEQUENCE = "bootstrap.owner.sequence";
    /** Bootstrap outcome: seconds until the next attempt, after a failure (Long). */
    static final String BOOTSTRAP_RETRY_SECONDS = "bootstrap.retry.seconds";
    /** Presence: the management channel (Long). */
    static final String PRESENCE_CHANNEL_ID = "presence.channel.id";
    /** Presence: answered with 2.04 (Boolean). */
    static final String PRESENCE_ACKNOWLEDGED = "presence.acknowledged";
    /** Presence: the CoAP response code, e.g. {@code 2.04}, absent without an answer (String). */
    static final String PRESENCE_RESPONSE_CODE = "presence.response.code";

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
        } else if (event instanceof KeyEvent key) {
            KeyMetrics.add(payload, KEY_PREFIX, key.key());
        } else if (event instanceof BootstrapEvent bootstrap) {
            addBootstrap(payload, bootstrap.outcome());
        } else if (event instanceof PresenceEvent presence) {
            addPresence(payload, presence.result());
        }
        return payload;
    }

    /** The bootstrap outcome metrics (also the {@code GET bootstrap} reply's {@code bootstrap.last.} view). */
    static void addBootstrap(KuraPayload payload, BootstrapOutcome outcome) {
        payload.addMetric(BOOTSTRAP_RESULT, outcome.result().name());
        payload.addMetric(BOOTSTRAP_SUCCEEDED, outcome.succeeded());
        payload.addMetric(BOOTSTRAP_REASON, outcome.reason());
        payload.addMetric(BOOTSTRAP_ATTEMPT, outcome.attempt());
        outcome.ownerSequence().ifPresent(sequence -> payload.addMetric(BOOTSTRAP_OWNER_SEQUENCE, sequence));
        outcome.retryIn().ifPresent(retry -> payload.addMetric(BOOTSTRAP_RETRY_SECONDS, retry.toSeconds()));
    }

    private static void addPresence(KuraPayload payload, PresenceResult result) {
        payload.addMetric(PRESENCE_CHANNEL_ID, result.channelId());
        payload.addMetric(PRESENCE_ACKNOWLEDGED, result.acknowledged());
        result.responseCode().ifPresent(code -> payload.addMetric(PRESENCE_RESPONSE_CODE, code));
    }

    private static void addChannel(KuraPayload payload, ChannelEvent event) {
        ChannelMetrics.add(payload, CHANNEL_PREFIX, event.channel());
        event.previous().ifPresent(previous -> ChannelMetrics.addState(payload, PREVIOUS_PREFIX, previous));
    }
}
