package org.assure.kura.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The Kura form of {@link CloudEventPublisher}; the OCD id is the component's PID, as Kura requires. */
@ObjectClassDefinition(id = CloudEventPublisher.PID, name = "aSSURE Cloud Events",
        description = "Publishes aSSURE events (channel state changes, bootstrap outcome, presence, keys added or "
                + "removed) through a Kura cloud publisher. Events carry names, ids and states only: never keys, "
                + "secrets or passwords.")
@interface CloudEventPublisherConfig {
    @AttributeDefinition(name = "Enabled",
            description = "Publish events. When off, events are dropped on the gateway.")
    boolean enabled() default true;

    @AttributeDefinition(name = "CloudPublisher Target Filter",
            description = "The Kura cloud publisher that sends the events. Pick one from the list; until a "
                    + "publisher is picked and connected, events are dropped on the gateway.")
    String CloudPublisher_target() default "(kura.service.pid=changeme)";

    @AttributeDefinition(name = "Asset Name",
            description = "Value of the message property assetName (Kura's default publisher topic is "
                    + "A1/$assetName). Letters, digits, '.', '_' and '-', at most 64 characters.")
    String asset_name() default "assure";

    @AttributeDefinition(name = "Channel Events",
            description = "Publish channel events: a channel was created, changed state or was deleted.")
    boolean channel_events() default true;

    @AttributeDefinition(name = "Key Events",
            description = "Publish key events: a key was added to or removed from the keystore (its id and kind, "
                    + "never the key).")
    boolean key_events() default true;

    @AttributeDefinition(name = "Key Poll Interval", min = "1", max = "3600",
            description = "Seconds between two looks at the keystore for added or removed keys (the keystore "
                    + "announces no changes itself).")
    int key_poll_seconds() default 15;

    @AttributeDefinition(name = "Bootstrap Events",
            description = "Publish the outcome of each bootstrap and each presence report to a management system.")
    boolean bootstrap_events() default true;

    @AttributeDefinition(name = "Queue Capacity", min = "1", max = "100000",
            description = "Events waiting to be handed to the cloud publisher, at most. When the queue is full, "
                    + "new events are dropped and counted (see event.sequence gaps).")
    int queue_capacity() default 1000;
}
