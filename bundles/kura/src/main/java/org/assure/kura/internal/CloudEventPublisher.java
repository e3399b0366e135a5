package org.assure.kura.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.assure.bootstrap.BootstrapListener;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.BootstrapService;
import org.assure.bootstrap.PresenceResult;
import org.assure.channels.ChannelListener;
import org.assure.channels.ChannelManager;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.ChannelState;
import org.assure.keystore.Keystore;
import org.assure.kura.internal.AssureEvent.BootstrapEvent;
import org.assure.kura.internal.AssureEvent.ChannelEvent;
import org.assure.kura.internal.AssureEvent.EventCategory;
import org.assure.kura.internal.AssureEvent.PresenceEvent;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.publisher.CloudPublisher;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes aSSURE events through the Kura {@link CloudPublisher} picked in its configuration. Events are queued and
 * handed to the publisher on one thread of ours, because listeners must return at once and a publisher may block.
 * Without a publisher (none picked, or it went away) events are dropped: Kura's publishers keep their own store for
 * offline periods, a second store here would only duplicate it.
 *
 * <p>Channel events come from the channel manager's listener, bootstrap outcome and presence events from the
 * bootstrap client's listener. The keystore announces no changes, so key events come
 * from comparing keystore snapshots every {@code key.poll.seconds} ({@link KeyWatcher}).
 */
// immediate: nothing asks for its service, yet it must run to publish
@Component(name = CloudEventPublisher.PID, service = ConfigurableComponent.class, immediate = true,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "service.pid=" + CloudEventPublisher.PID)
@Designate(ocd = CloudEventPublisherConfig.class)
public final class CloudEventPublisher implements ConfigurableComponent {
    /** The PID, component name and OCD id (Kura finds the form by it). */
    public static final String PID = "org.assure.kura.CloudEventPublisher";
    /** Message property for Kura's default publisher topic {@code A1/$assetName}. */
    static final String ASSET_NAME_PROPERTY = "assetName";
    /** Message property with the event name, for topics such as {@code assure/$eventType}. */
    static final String EVENT_TYPE_PROPERTY = "eventType";

    private static final Logger LOG = LoggerFactory.getLogger(CloudEventPublisher.class);

    private final EventSettings settings;
    private final Clock clock;
    private final ExecutorService executor;
    private final ScheduledExecutorService keyPolling;
    private final AtomicReference<CloudPublisher> publisher = new AtomicReference<>();
    private final AtomicReference<Keystore> keystore = new AtomicReference<>();
    private final KeyWatcher keyWatcher = new KeyWatcher();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final ChannelListener channelListener = this::channelChanged;
    private final BootstrapListener bootstrapListener = new BootstrapListener() {
        @Override
        public void bootstrapFinished(BootstrapOutcome outcome) {
            publish(new BootstrapEvent(outcome));
        }

        @Override
        public void presenceSent(PresenceResult result) {
            publish(new PresenceEvent(result));
        }
    };

    @Activate
    public CloudEventPublisher(CloudEventPublisherConfig config) {
        this(EventSettings.from(config), Clock.systemUTC(), null, true);
    }

    /**
     * For tests: {@code executor} runs the hand-over to the publisher (null: our own bounded thread); without
     * {@code pollKeys} the test calls {@link #pollKeys()} itself.
     */
    CloudEventPublisher(EventSettings settings, Clock clock, ExecutorService executor, boolean pollKeys) {
        this.settings = settings;
        this.clock = clock;
        this.executor = executor != null ? executor : boundedSingleThread(settings.queueCapacity());
        this.keyPolling = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "assure-kura-keys");
            thread.setDaemon(true);
            return thread;
        });
        if (pollKeys && settings.publishes(EventCategory.KEY)) {
            keyPolling.scheduleWithFixedDelay(this::pollKeys, settings.keyPollSeconds(), settings.keyPollSeconds(),
                    TimeUnit.SECONDS);
        }
        LOG.info("aSSURE cloud events {}", settings.enabled() ? "enabled" : "disabled");
    }

    @Reference(name = "CloudPublisher", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindCloudPublisher(CloudPublisher cloudPublisher) {
        publisher.set(cloudPublisher);
    }

    void unbindCloudPublisher(CloudPublisher cloudPublisher) {
        publisher.compareAndSet(cloudPublisher, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindChannelManager(ChannelManager channelManager) {
        channelManager.addListener(channelListener);
    }

    void unbindChannelManager(ChannelManager channelManager) {
        channelManager.removeListener(channelListener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBootstrapService(BootstrapService bootstrapService) {
        bootstrapService.addListener(bootstrapListener);
    }

    void unbindBootstrapService(BootstrapService bootstrapService) {
        bootstrapService.removeListener(bootstrapListener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindKeystore(Keystore bound) {
        keystore.set(bound);
        // the baseline, taken now: keys present when the keystore appears are not news (a snapshot never blocks)
        pollKeys();
    }

    void unbindKeystore(Keystore unbound) {
        if (keystore.compareAndSet(unbound, null)) {
            synchronized (keyWatcher) {
                keyWatcher.reset();
            }
        }
    }

    /** Compares the keystore with the last snapshot and publishes what changed. */
    void pollKeys() {
        synchronized (keyWatcher) {
            pollKeysLocked();
        }
    }

    private void pollKeysLocked() {
        Keystore current = keystore.get();
        if (current == null) {
            return;
        }
        try {
            keyWatcher.next(current.keys()).forEach(this::publish);
        } catch (RuntimeException e) {
            // a failing snapshot must not end the periodic polling
            LOG.warn("keystore snapshot failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        keyPolling.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void channelChanged(ManagedChannel channel, Optional<ChannelState> previous, boolean deleted) {
        publish(new ChannelEvent(channel, previous, deleted));
    }

    /** Queues {@code event} for publishing if the configuration wants it; never blocks, never throws. */
    void publish(AssureEvent event) {
        if (!settings.publishes(event)) {
            return;
        }
        long number = sequence.incrementAndGet();
        Instant at = event.at().orElseGet(clock::instant);
        try {
            executor.execute(() -> handOver(event, at, number));
        } catch (RejectedExecutionException e) {
            long count = dropped.incrementAndGet();
            // rate-limited: an event storm must not become a log storm
            if (Long.bitCount(count) == 1) {
                LOG.warn("event queue full or closed: {} events dropped so far", count);
            }
        }
    }

    private void handOver(AssureEvent event, Instant at, long number) {
        CloudPublisher target = publisher.get();
        if (target == null) {
            LOG.debug("no cloud publisher: {} event {} dropped", event.type(), number);
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(ASSET_NAME_PROPERTY, settings.assetName());
        properties.put(EVENT_TYPE_PROPERTY, event.type());
        try {
            target.publish(new KuraMessage(EventPayloads.payload(event, at, number), properties));
        } catch (KuraException e) {
            LOG.warn("publishing {} event {} failed: {}", event.type(), number, e.getCode());
        } catch (RuntimeException e) {
            LOG.warn("publishing {} event {} failed", event.type(), number, e);
        }
    }

    private static ExecutorService boundedSingleThread(int capacity) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), task -> {
            Thread thread = new Thread(task, "assure-kura-events");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }
}
