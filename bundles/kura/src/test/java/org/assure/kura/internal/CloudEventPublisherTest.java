package org.assure.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.PresenceResult;
import org.assure.channels.ChannelOrigin;
import org.assure.core.model.ChannelState;
import org.assure.keystore.KeyInfo;
import org.assure.kura.internal.AssureEvent.ChannelEvent;
import org.assure.kura.internal.AssureEvent.KeyEvent;
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
        events = new CloudEventPublisher(settings, Clock.fixed(NOW, ZoneOffset.UTC), new DirectExecutorService(),
                false);
        events.bindChannelManager(channels);
        return events;
    }

    private static EventSettings settings(boolean enabled, Set<EventCategory> categories) {
        return new EventSettings(enabled, "gw-1", categories, 10, 15);
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
        events = new CloudEventPublisher(new EventSettings(true, "gw", ALL, 1, 15), Clock.systemUTC(), null, false);
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
    void givenAKeystore_whenKeysAreAddedAndRemoved_thenEachChangeIsPublishedWithoutKeyMaterial() {
        InMemoryKeystore keystore = new InMemoryKeystore();
        givenEvents(settings(true, ALL)).bindCloudPublisher(cloud);
        events.bindKeystore(keystore);
        events.pollKeys();
        assertThat(cloud.published).as("keys present at start are the baseline").isEmpty();

        KeyInfo key = keystore.generatedKey(true);
        keystore.add(key);
        events.pollKeys();
        keystore.remove(key.keyId());
        events.pollKeys();

        assertThat(cloud.published).hasSize(2);
        KuraMessage added = cloud.published.get(0);
        assertThat(added.getProperties()).containsEntry("eventType", "key.added");
        assertThat(added.getPayload().metrics()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("event", "key.added"), Map.entry("event.sequence", 1L),
                Map.entry("key.id", key.keyId().toString()), Map.entry("key.identity.class", "CHANNEL"),
                Map.entry("key.identity.class.code", 5), Map.entry("key.format", "EC"),
                Map.entry("key.origin", "GENERATED"), Map.entry("key.persistent", true),
                Map.entry("key.bootstrap.defined", false), Map.entry("key.private.present", true),
                Map.entry("key.secret.known", false), Map.entry("key.owner", keystore.deviceId.toString())));
        RemoteOperationsTest.assertNoKeyMaterial(added.getPayload(), key);
        KuraPayload removed = cloud.published.get(1).getPayload();
        assertThat(removed.getMetric("event")).isEqualTo("key.removed");
        assertThat(removed.getMetric("key.id")).isEqualTo(key.keyId().toString());
    }

    @Test
    void givenKeyEventsSwitchedOff_whenAKeyIsAdded_thenNothingIsPublished() {
        InMemoryKeystore keystore = new InMemoryKeystore();
        givenEvents(settings(true, EnumSet.of(EventCategory.CHANNEL))).bindCloudPublisher(cloud);
        events.bindKeystore(keystore);

        keystore.add(keystore.generatedKey(true));
        events.pollKeys();

        assertThat(cloud.published).isEmpty();
    }

    @Test
    void givenTheKeystoreWentAwayAndCameBack_whenPolled_thenItsKeysAreANewBaseline() {
        InMemoryKeystore keystore = new InMemoryKeystore();
        givenEvents(settings(true, ALL)).bindCloudPublisher(cloud);
        events.bindKeystore(keystore);
        events.unbindKeystore(keystore);
        keystore.add(keystore.generatedKey(true));
        events.pollKeys();

        events.bindKeystore(keystore);
        events.pollKeys();

        assertThat(cloud.published).isEmpty();
    }

    @Test
    void givenABootstrapClient_whenAnAttemptFailsAndThenSucceedsAndPresenceIsSent_thenEachIsPublished() {
        InMemoryBootstrapService client = new InMemoryBootstrapService();
        givenEvents(settings(true, ALL)).bindCloudPublisher(cloud);
        events.bindBootstrapService(client);
        Instant failedAt = NOW.minusSeconds(60);

        client.finish(BootstrapOutcome.failed(failedAt, BootstrapOutcome.Result.REJECTED, "image signature invalid",
                1, Duration.ofSeconds(30)));
        client.finish(BootstrapOutcome.succeeded(NOW, 12, 2));
        client.presence(new PresenceResult(4, NOW, false, Optional.empty()));
        client.presence(new PresenceResult(4, NOW, false, Optional.of("4.01")));

        assertThat(cloud.published).extracting(m -> m.getProperties().get("eventType"))
                .containsExactly("bootstrap.outcome", "bootstrap.outcome", "presence", "presence");
        KuraPayload failed = cloud.published.get(0).getPayload();
        assertThat(failed.getTimestamp()).as("the client's time, not the publisher's").isEqualTo(Date.from(failedAt));
        assertThat(failed.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of("event", "bootstrap.outcome",
                "event.sequence", 1L, "bootstrap.result", "REJECTED", "bootstrap.succeeded", false,
                "bootstrap.reason", "image signature invalid", "bootstrap.attempt", 1,
                "bootstrap.retry.seconds", 30L));
        assertThat(cloud.published.get(1).getPayload().metrics()).containsEntry("bootstrap.result", "SUCCEEDED")
                .containsEntry("bootstrap.succeeded", true).containsEntry("bootstrap.owner.sequence", 12L)
                .containsEntry("bootstrap.reason", "bootstrapped").doesNotContainKey("bootstrap.retry.seconds");
        assertThat(cloud.published.get(2).getPayload().metrics()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "event", "presence", "event.sequence", 3L, "presence.channel.id", 4L,
                "presence.acknowledged", false));
        assertThat(cloud.published.get(3).getPayload().metrics()).containsEntry("presence.response.code", "4.01");

        events.unbindBootstrapService(client);
        assertThat(client.listenerCount()).isZero();
    }

    @Test
    void givenBootstrapEventsSwitchedOff_whenABootstrapEnds_thenNothingIsPublished() {
        InMemoryBootstrapService client = new InMemoryBootstrapService();
        givenEvents(settings(true, EnumSet.of(EventCategory.CHANNEL, EventCategory.KEY))).bindCloudPublisher(cloud);
        events.bindBootstrapService(client);

        client.finish(BootstrapOutcome.succeeded(NOW, 1, 1));
        client.presence(new PresenceResult(1, NOW, true, Optional.of("2.04")));

        assertThat(cloud.published).isEmpty();
    }

    @Test
    void givenBadSettings_whenValidated_thenThePropertyIsNamed() {
        assertThatThrownBy(() -> new EventSettings(true, "a/b", ALL, 10, 15)).hasMessageContaining("asset.name");
        assertThatThrownBy(() -> new EventSettings(true, "", ALL, 10, 15)).hasMessageContaining("asset.name");
        assertThatThrownBy(() -> new EventSettings(true, "x".repeat(65), ALL, 10, 15)).hasMessageContaining("asset.name");
        assertThatThrownBy(() -> new EventSettings(true, "gw", ALL, 0, 15)).hasMessageContaining("queue.capacity");
        assertThatThrownBy(() -> new EventSettings(true, "gw", ALL, 1, 0)).hasMessageContaining("key.poll.seconds");
        assertThatThrownBy(() -> new EventSettings(true, "gw", ALL, 1, 3601)).hasMessageContaining("key.poll.seconds");
    }

    @Test
    void valueTypesHaveValueSemantics() {
        // EqualsVerifier cannot build EventSettings (it tries a zero queue capacity, which the record refuses)
        EventSettings settings = new EventSettings(true, "gw", EnumSet.of(EventCategory.KEY), 5, 15);
        assertThat(settings).isEqualTo(new EventSettings(true, "gw", Set.of(EventCategory.KEY), 5, 15))
                .hasSameHashCodeAs(new EventSettings(true, "gw", Set.of(EventCategory.KEY), 5, 15))
                .isNotEqualTo(new EventSettings(true, "gw", Set.of(EventCategory.KEY), 6, 15))
                .isNotEqualTo(new EventSettings(true, "gw", ALL, 5, 15));
        EqualsVerifier.forClass(ChannelEvent.class).withNonnullFields("channel", "previous").verify();
        EqualsVerifier.forClass(AssureEvent.BootstrapEvent.class).withNonnullFields("outcome")
                .withPrefabValues(BootstrapOutcome.class, BootstrapOutcome.succeeded(NOW, 1, 1),
                        BootstrapOutcome.succeeded(NOW, 2, 1))
                .verify();
        EqualsVerifier.forClass(AssureEvent.PresenceEvent.class).withNonnullFields("result")
                .withPrefabValues(PresenceResult.class, new PresenceResult(1, NOW, false, Optional.empty()),
                        new PresenceResult(2, NOW, false, Optional.empty()))
                .verify();
        InMemoryKeystore keystore = new InMemoryKeystore();
        EqualsVerifier.forClass(KeyEvent.class).withNonnullFields("key")
                .withPrefabValues(KeyInfo.class, keystore.generatedKey(true), keystore.generatedKey(false)).verify();
    }
}
