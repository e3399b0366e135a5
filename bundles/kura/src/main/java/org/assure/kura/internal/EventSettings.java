package org.assure.kura.internal;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.assure.kura.internal.AssureEvent.EventCategory;

/**
 * The validated configuration of {@link CloudEventPublisher}.
 *
 * @param enabled       whether anything is published
 * @param assetName     the {@code assetName} message property
 * @param categories    the event categories published
 * @param queueCapacity events waiting at most
 * @param keyPollSeconds seconds between two keystore snapshots
 */
record EventSettings(boolean enabled, String assetName, Set<EventCategory> categories, int queueCapacity,
        int keyPollSeconds) {
    static final Pattern TOPIC_WORD = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    EventSettings {
        Objects.requireNonNull(assetName, "assetName");
        if (!TOPIC_WORD.matcher(assetName).matches()) {
            throw new IllegalArgumentException("asset.name must be 1..64 letters, digits, '.', '_' or '-'");
        }
        categories = Set.copyOf(categories);
        if (queueCapacity < 1 || queueCapacity > 100_000) {
            throw new IllegalArgumentException("queue.capacity must be 1..100000");
        }
        if (keyPollSeconds < 1 || keyPollSeconds > 3600) {
            throw new IllegalArgumentException("key.poll.seconds must be 1..3600");
        }
    }

    static EventSettings from(CloudEventPublisherConfig config) {
        Set<EventCategory> categories = EnumSet.noneOf(EventCategory.class);
        if (config.channel_events()) {
            categories.add(EventCategory.CHANNEL);
        }
        if (config.key_events()) {
            categories.add(EventCategory.KEY);
        }
        if (config.bootstrap_events()) {
            categories.add(EventCategory.BOOTSTRAP);
        }
        return new EventSettings(config.enabled(), config.asset_name(), categories, config.queue_capacity(),
                config.key_poll_seconds());
    }

    /** Whether {@code event} is to be published. */
    boolean publishes(AssureEvent event) {
        return publishes(event.category());
    }

    /** Whether events of {@code category} are to be published. */
    boolean publishes(EventCategory category) {
        return enabled && categories.contains(category);
    }
}
