package org.assure.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assure.channels.ChannelOrigin;
import org.assure.core.model.ChannelState;
import org.assure.kura.internal.AssureEvent.ChannelEvent;
import org.assure.kura.internal.AssureEvent.EventCategory;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.message.KuraPayload;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CloudEventPublisherTest {
    private static final Instant NOW = Instant.parse("2026-12-05T16:00:00Z");
    private static final Set<EventCategory> ALL = EnumSet.allOf(EventCategory.class);

    /** Every metric a channel event may carry (docs/kura-events.md); anything else would be a schema change. */
    static final Set<String> CHANNEL_EVENT_METRICS = Set.of("event", "event.sequence", "channel.id", "channel.state",
            "channel.state.code", "channel.origin", "channel.persistent", "channel.open.immediately",
            "channel.privilege.key.management", "channel.privilege.channel.management",
            "channel.privilege.system.management", "channel.local.key.id", "channel.peer.key.id",
            "channel.address.type", "channel.address", "channel.address.local.port", "channel.previous.state",
            "channel.previous.state.code");

    private final InMemoryChannelManager channels = new InMemoryChannelManager();
    private final RecordingCloudPublisher cloud = new RecordingCloudPublisher();
    private CloudEventPublisher events;

    @AfterEach
    void deactivate() {
        if (events != null) {
            events.deactivate();
        }
    }

    private CloudEventPublisher givenEvents(EventSettings settings) {
        events = new CloudEventPublisher(settings, Clock.fixed(NOW, ZoneOffset.UTC), new DirectExecutorService());
        events.bindChannelManager(channels);
        return events;
    }

    private static EventSettings settings(boolean enabled, Set<EventCategory> categories) {
        return new EventSettings(enabled, "gw-1", categories, 10);
    }

    @Test
    void givenAPublisher_whenAChannelIsCreatedOpenedAndDeleted_thenEachChangeIsPublishedWithItsMetrics()
            throws Exception {
        givenEvents(settings(true, ALL)).bindCloudPublisher(cloud);
        UUID local = UUID.randomUUID();
        UUID peer = UUID.randomUUID();

        long id = channels.create(Channels.data(local, peer, "2001:db8::7", 5685), ChannelOrigin.MANAGEMENT);
        channels.open(id);
        channels.setState(id, ChannelState.OPEN);
        channels.delete(id);

        assertThat(cloud.published).hasSize(4);
        KuraMessage created = cloud.published.get(0);
        assertThat(created.getProperties()).containsExactlyInAnyOrderEntriesOf(
                Map.of("assetName", "gw-1", "eventType", "channel.created"));
        KuraPayload payload = created.getPayload();
        assertThat(payload.getTimestamp()).isEqualTo(Date.from(NOW));
        assertThat(payload.metrics()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("event", "channel.created"), Map.entry("event.sequence", 1L),
                Map.entry("channel.id", id), Map.entry("channel.state", "CLOSED"),
                Map.entry("channel.state.code", 0), Map.entry("channel.origin", "MANAGEMENT"),
                Map.entry("channel.persistent", false), Map.entry("channel.open.immediately", true),
                Map.entry("channel.privilege.key.management", false),
                Map.entry("channel.privilege.channel.management", false),
                Map.entry("channel.privilege.system.management", false),
                Map.entry("channel.local.key.id", local.toString()),
                Map.entry("channel.peer.key.id", peer.toString()), Map.entry("channel.address.type", "IP"),
                Map.entry("channel.address", "[2001:db8:0:0:0:0:0:7]:5685"),
                Map.entry("channel.address.local.port", 5685)));

        KuraPayload requested = cloud.published.get(1).getPayload();
        assertThat(requested.getMetric("event")).isEqualTo("channel.state");
        assertThat(requested.getMetric("channel.state")).isEqualTo("OPEN_REQUESTED");
        assertThat(requested.getMetric("channel.state.code")).isEqualTo(1);
        assertThat(requested.getMetric("channel.previous.state")).isEqualTo("CLOSED");
        assertThat(requested.getMetric("channel.previous.state.code")).isEqualTo(0);
        assertThat(cloud.published.get(2).getPayload().getMetric("channel.state")).isEqualTo("OPEN");
        KuraPayload deleted = cloud.published.get(3).getPayload();
        assertThat(deleted.getMetric("event")).isEqualTo("channel.deleted");
        assertThat(deleted.getMetric("channel.state")).isEqualTo("OPEN");
        assertThat(cloud.published).extracting(m -> m.getPayload().getMetric("event.sequence"))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(cloud.published).allSatisfy(
                m -> assertThat(CHANNEL_EVENT_METRICS).containsAll(m.getPayload().metricNames()));
    }

    @Test
    void givenAManagementChannelOverIpv4_whenCreated_thenPrivilegesAndAddressAreShown() throws Exception {
        givenEvents(settings(true, ALL)).bindCloudPublisher(cloud);

        channels.create(7, Channels.management(UUID.randomUUID(), "192.0.2.10", 5684), ChannelOrigin.BOOTSTRAP);

        KuraPayload payload = cloud.published.get(0).getPayload();
        assertThat(payload.getMetric("channel.address")).isEqualTo("192.0.2.10:5684");
        assertThat(payload.getMetric("channel.address.local.port")).isEqualTo(0);
        assertThat(payload.getMetric("channel.origin")).isEqualTo("BOOTSTRAP");
        assertThat(payload.getMetric("channel.privilege.key.management")).isEqualTo(true);
        assertThat(payload.getMetric("channel.privilege.channel.management")).isEqualTo(true);
        assertThat(payload.getMetric("channel.privilege.system.management")).isEqualTo(true);
        assertThat(payload.getMetric("channel.peer.key.id")).isEqualTo(payload.getMetric("channel.local.key.id"));
    }

    @Test
    void givenEventsDisabled_whenAChannelChanges_thenNothingIsPublished() throws Exception {
        givenEvents(settings(false, ALL)).bindCloudPublisher(cloud);

        channels.create(Channels.management(UUID.randomUUID(), "192.0.2.1", 5684), ChannelOrigin.LOCAL);

        assertThat(cloud.published).isEmpty();
    }

    @Test
    void givenChannelEventsSwitchedOff_whenAChannelChanges_thenNothingIsPublished() throws Exception {
        givenEvents(settings(true, EnumSet.of(EventCategory.KEY, EventCategory.BOOTSTRAP))).bindCloudPublisher(cloud);

        channels.create(Channels.management(UUID.randomUUID(), "192.0.2.1", 5684), ChannelOrigin.LOCAL);

        assertThat(cloud.published).isEmpty();
    }

    @Test
    void givenNoPublisherYet_whenEventsHappen_thenTheyAreDroppedAndLaterOnesArePublishedOnceOneIsBound()
            throws Exception {
        givenEvents(settings(true, ALL));
        long id = channels.create(Channels.management(UUID.randomUUID(), "192.0.2.1", 5684), ChannelOrigin.LOCAL);

        events.bindCloudPublisher(cloud);
        channels.open(id);

        assertThat(cloud.published).hasSize(1);
        // the gap in the numbering tells the consumer that event 1 was not delivered
        assertThat(cloud.published.get(0).getPayload().getMetric("event.sequence")).isEqualTo(2L);
    }

    @Test
    void givenThePublisherWentAway_whenEventsHappen_thenNothingIsPublishedToIt() throws Exception {
        givenEvents(settings(true, ALL)).bindCloudPublisher(cloud);
        events.unbindCloudPublisher(cloud);

        channels.create(Channels.management(UUID.randomUUID(), "192.0.2.1", 5684), ChannelOrigin.LOCAL);

        assertThat(cloud.published).isEmpty();
    }

    @Test
    void givenAFailingPublisher_whenEventsHappen_thenTheChannelManagerIsNotDisturbedAndLaterEventsGoOut()
            throws Exception {
        givenEvents(settings(true, ALL)).bindCloudPublisher(cloud);
        cloud.failing = true;
        long id = channels.create(Channels.management(UUID.randomUUID(), "192.0.2.1", 5684), ChannelOrigin.LOCAL);

        cloud.failing = false;
        channels.open(id);

        assertThat(cloud.published).extracting(m -> m.getPayload().getMetric("event")).containsExactly("channel.state");
    }

    @Test
    void givenTheChannelManagerGoesAway_whenUnbound_thenOurListenerIsRemoved() {
        givenEvents(settings(true, ALL));
        assertThat(channels.listenerCount()).isEqualTo(1);

        events.unbindChannelManager(channels);

        assertThat(channels.listenerCount()).isZero();
    }

    @Test
    void givenAFullQueue_whenMoreEventsArrive_thenTheyAreDroppedWithoutBlockingTheCaller() throws Exception {
        CountDownLatch firstPublishStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        cloud.blockOn(firstPublishStarted, release);
        events = new CloudEventPublisher(new EventSettings(true, "gw", ALL, 1), Clock.systemUTC(), null);
        events.bindCloudPublisher(cloud);
        events.bindChannelManager(channels);

        long id = channels.create(Channels.management(UUID.randomUUID(), "192.0.2.1", 5684), ChannelOrigin.LOCAL);
        assertThat(firstPublishStarted.await(5, TimeUnit.SECONDS)).isTrue();
        channels.open(id); // queued: the queue holds one
        channels.close(id); // dropped: queue full, and the caller is not blocked
        release.countDown();
        events.deactivate();

        assertThat(cloud.published).extracting(m -> m.getPayload().getMetric("event.sequence")).containsExactly(1L, 2L);
        events = null;
    }

    @Test
    void givenBadSettings_whenValidated_thenThePropertyIsNamed() {
        assertThatThrownBy(() -> new EventSettings(true, "a/b", ALL, 10)).hasMessageContaining("asset.name");
        assertThatThrownBy(() -> new EventSettings(true, "", ALL, 10)).hasMessageContaining("asset.name");
        assertThatThrownBy(() -> new EventSettings(true, "x".repeat(65), ALL, 10)).hasMessageContaining("asset.name");
        assertThatThrownBy(() -> new EventSettings(true, "gw", ALL, 0)).hasMessageContaining("queue.capacity");
    }

    @Test
    void valueTypesHaveValueSemantics() {
        // EqualsVerifier cannot build EventSettings (it tries a zero queue capacity, which the record refuses)
        EventSettings settings = new EventSettings(true, "gw", EnumSet.of(EventCategory.KEY), 5);
        assertThat(settings).isEqualTo(new EventSettings(true, "gw", Set.of(EventCategory.KEY), 5))
                .hasSameHashCodeAs(new EventSettings(true, "gw", Set.of(EventCategory.KEY), 5))
                .isNotEqualTo(new EventSettings(true, "gw", Set.of(EventCategory.KEY), 6))
                .isNotEqualTo(new EventSettings(true, "gw", ALL, 5));
        EqualsVerifier.forClass(ChannelEvent.class).withNonnullFields("channel", "previous").verify();
    }
}
