package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.DeleteOutcome;
import org.assure.channels.ManagedChannel;
import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelFlags;
import org.assure.core.model.ChannelState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelSupervisorTest {
    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ScriptedConnector connector = new ScriptedConnector();
    private final List<String> events = new ArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 0);
    private ChannelSupervisor manager;

    @BeforeEach
    void start() throws IOException {
        manager = newManager(backoff, 4);
    }

    private ChannelSupervisor newManager(Backoff b, int max) throws IOException {
        ChannelSupervisor m = new ChannelSupervisor(new ChannelStore(dir), connector, scheduler, b, max);
        m.addListener((channel, previous, deleted) -> events.add(channel.id() + ":"
                + previous.map(p -> String.valueOf(p.code())).orElse("new") + ">" + channel.state().code()
                + (deleted ? ":deleted" : "")));
        return m;
    }

    private ChannelState state(long id) {
        return manager.channel(id).map(ManagedChannel::state).orElseThrow();
    }

    @Test
    void open_immediately_goes_through_requested_handshaking_open() throws AssureException {
        long id = manager.create(Fixtures.config(false, true), ChannelOrigin.MANAGEMENT);
        // "will try": nothing has happened on the network yet
        assertThat(state(id)).isEqualTo(ChannelState.OPEN_REQUESTED);
        assertThat(connector.attempts).isEmpty();

        scheduler.runDue();
        assertThat(state(id)).isEqualTo(ChannelState.HANDSHAKING);
        connector.last().succeed();
        assertThat(state(id)).isEqualTo(ChannelState.OPEN);
        assertThat(events).containsExactly(id + ":new>0", id + ":0>1", id + ":1>2", id + ":2>3");
    }

    @Test
    void failures_retry_with_capped_exponential_backoff() throws AssureException {
        long id = manager.create(Fixtures.config(false, true), ChannelOrigin.MANAGEMENT);
        scheduler.runDue();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            connector.last().fail(ChannelState.PEER_NO_ANSWER);
            assertThat(state(id)).isEqualTo(ChannelState.PEER_NO_ANSWER);
            Duration delay = scheduler.nextDelay();
            delays.add(delay);
            int before = connector.attempts.size();
            scheduler.advance(delay.minusMillis(1));
            assertThat(connector.attempts).hasSize(before); // not a millisecond early
            scheduler.advance(Duration.ofMillis(1));
            assertThat(connector.attempts).hasSize(before + 1);
            assertThat(state(id)).isEqualTo(ChannelState.HANDSHAKING);
        }
        assertThat(delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 8L, 8L);
        connector.last().succeed();
        assertThat(state(id)).isEqualTo(ChannelState.OPEN);
    }

    @Test
    void gives_up_after_the_configured_attempts_and_keeps_the_failure_state() throws IOException,
            AssureException {
        manager = newManager(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2), 4);
        long id = manager.create(Fixtures.config(false, true), ChannelOrigin.MANAGEMENT);
        scheduler.runDue();
        connector.last().fail(ChannelState.PEER_AUTHENTICATION_FAILED);
        scheduler.advance(Duration.ofSeconds(1));
        connector.last().fail(ChannelState.PEER_WRONG_KEY_ID);
        assertThat(scheduler.nextDelay()).isNull();
        assertThat(state(id)).isEqualTo(ChannelState.PEER_WRONG_KEY_ID);
        assertThat(connector.attempts).hasSize(2);
        // an explicit open starts over
        manager.open(id);
        assertThat(state(id)).isEqualTo(ChannelState.OPEN_REQUESTED);
        scheduler.runDue();
        assertThat(connector.attempts).hasSize(3);
    }

    @Test
    void close_while_handshaking_closes_the_late_link() throws AssureException {
        long id = manager.create(Fixtures.config(false, true), ChannelOrigin.MANAGEMENT);
        scheduler.runDue();
        manager.close(id);
        assertThat(state(id)).isEqualTo(ChannelState.CLOSING);
        ScriptedConnector.TestLink link = connector.last().succeed();
        assertThat(link.closeCalls).isEqualTo(1);
        assertThat(state(id)).isEqualTo(ChannelState.CLOSED);
    }

    @Test
    void close_when_open_and_when_waiting_to_retry() throws AssureException {
        long id = manager.create(Fixtures.config(false, true), ChannelOrigin.MANAGEMENT);
        scheduler.runDue();
        ScriptedConnector.TestLink link = connector.last().succeed();
        manager.close(id);
        assertThat(link.closeCalls).isEqualTo(1);
        assertThat(state(id)).isEqualTo(ChannelState.CLOSED);

        manager.open(id);
        scheduler.runDue();
        connector.last().fail(ChannelState.PEER_NO_ANSWER);
        manager.close(id);
        assertThat(state(id)).isEqualTo(ChannelState.CLOSED);
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(connector.attempts).hasSize(2); // the pending retry was cancelled
    }

    @Test
    void a_lost_link_is_reported_and_retried() throws AssureException {
        long id = manager.create(Fixtures.config(false, true), ChannelOrigin.MANAGEMENT);
        scheduler.runDue();
        connector.last().succeed().lose(ChannelState.PEER_NO_ANSWER);
        assertThat(state(id)).isEqualTo(ChannelState.PEER_NO_ANSWER);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(state(id)).isEqualTo(ChannelState.HANDSHAKING);
        assertThat(connector.attempts).hasSize(2);
    }

    @Test
    void open_and_close_of_unknown_channels_are_not_found() {
        assertThatThrownBy(() -> manager.open(42)).isInstanceOf(AssureException.class)
                .extracting(e -> ((AssureException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThatThrownBy(() -> manager.close(42)).isInstanceOf(AssureException.class)
                .extracting(e -> ((AssureException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void delete_closes_an_open_channel_first() throws AssureException {
        long id = manager.create(Fixtures.config(true, true), ChannelOrigin.MANAGEMENT);
        scheduler.runDue();
        ScriptedConnector.TestLink link = new ScriptedConnector.TestLink() {
            @Override
            public void close() {
                closeCalls++; // completes later, as a real close_notify exchange does
            }
        };
        connector.last().result.complete(link);
        assertThat(manager.delete(id)).isEqualTo(DeleteOutcome.CLOSING_THEN_DELETE);
        assertThat(state(id)).isEqualTo(ChannelState.CLOSING);
        link.ended.complete(ChannelState.CLOSED);
        assertThat(manager.channel(id)).isEmpty();
        assertThat(events).last().isEqualTo(id + ":0>0:deleted");
        assertThat(manager.delete(id)).isEqualTo(DeleteOutcome.DELETED); // already gone: still 2.02
    }

    @Test
    void bootstrap_channels_cannot_be_deleted() throws AssureException {
        long id = manager.create(Fixtures.config(true, false), ChannelOrigin.BOOTSTRAP);
        assertThatThrownBy(() -> manager.delete(id)).isInstanceOf(AssureException.class)
                .extracting(e -> ((AssureException) e).kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(manager.channel(id)).isPresent();
    }

    @Test
    void explicit_ids_conflict_and_capacity_is_enforced() throws AssureException {
        manager.create(10, Fixtures.config(true, false), ChannelOrigin.MANAGEMENT);
        assertThatThrownBy(() -> manager.create(10, Fixtures.config(true, false), ChannelOrigin.MANAGEMENT))
                .extracting(e -> ((AssureException) e).kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(manager.create(Fixtures.config(true, false), ChannelOrigin.MANAGEMENT)).isEqualTo(11);
        manager.create(Fixtures.config(false, false), ChannelOrigin.MANAGEMENT);
        manager.create(Fixtures.config(false, false), ChannelOrigin.MANAGEMENT);
        assertThatThrownBy(() -> manager.create(Fixtures.config(true, false), ChannelOrigin.MANAGEMENT))
                .extracting(e -> ((AssureException) e).kind()).isEqualTo(ErrorKind.TOO_LARGE);
        assertThat(manager.channels()).hasSize(4);
    }

    @Test
    void persistent_channels_survive_a_restart_and_reopen_ram_only_ones_are_gone() throws Exception {
        long kept = manager.create(Fixtures.config(true, true), ChannelOrigin.MANAGEMENT);
        long ram = manager.create(Fixtures.config(false, true), ChannelOrigin.MANAGEMENT);
        manager.shutdown();

        ChannelSupervisor restarted = newManager(backoff, 4);
        assertThat(restarted.channels()).extracting(ManagedChannel::id).containsExactly(kept);
        assertThat(restarted.channel(kept).orElseThrow().state()).isEqualTo(ChannelState.OPEN_REQUESTED);
        assertThat(restarted.channel(ram)).isEmpty();
        // ids are not reused after a restart while the store remembers them
        assertThat(restarted.create(Fixtures.config(true, false), ChannelOrigin.MANAGEMENT)).isGreaterThan(ram);
    }

    @Test
    void an_inbound_link_opens_the_channel_and_supersedes_a_pending_handshake() throws AssureException {
        long id = manager.create(Fixtures.config(false, true), ChannelOrigin.MANAGEMENT);
        scheduler.runDue();
        ScriptedConnector.TestLink inbound = new ScriptedConnector.TestLink();
        assertThat(manager.adopt(id, inbound)).isTrue();
        assertThat(state(id)).isEqualTo(ChannelState.OPEN);
        ScriptedConnector.TestLink late = connector.last().succeed();
        assertThat(late.closeCalls).isEqualTo(1);
        assertThat(state(id)).isEqualTo(ChannelState.OPEN);
        assertThat(manager.adopt(99, new ScriptedConnector.TestLink())).isFalse();
    }

    @Test
    void keys_in_use_are_reported() throws AssureException {
        UUID local = UUID.randomUUID();
        ChannelConfiguration config = Fixtures.config(local, ChannelFlags.data(false, false));
        manager.create(config, ChannelOrigin.MANAGEMENT);
        assertThat(manager.usesKey(local)).isTrue();
        assertThat(manager.usesKey(UUID.randomUUID())).isFalse();
    }

    @Test
    void a_new_transport_cuts_the_wait_before_a_retry() throws AssureException {
        long id = manager.create(Fixtures.config(false, true), ChannelOrigin.MANAGEMENT);
        scheduler.runDue();
        connector.last().fail(ChannelState.OTHER_ERROR);
        assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofSeconds(1));
        manager.retryWaiting();
        scheduler.runDue();
        assertThat(connector.attempts).hasSize(2);
        assertThat(state(id)).isEqualTo(ChannelState.HANDSHAKING);
        manager.retryWaiting(); // nothing waits now: no extra attempt
        scheduler.runDue();
        assertThat(connector.attempts).hasSize(2);
    }

    @Test
    void requests_go_only_over_open_channels() throws Exception {
        org.assure.channels.ManagementRequest ping = org.assure.channels.ManagementRequest.of(
                org.assure.channels.ManagementMethod.GET, "v1", "ping");
        assertThatThrownBy(() -> manager.send(5, ping).toCompletableFuture().join())
                .hasCauseInstanceOf(AssureException.class);
        long id = manager.create(Fixtures.config(false, false), ChannelOrigin.MANAGEMENT);
        assertThatThrownBy(() -> manager.send(id, ping).toCompletableFuture().join())
                .cause().isInstanceOf(AssureException.class)
                .extracting(e -> ((AssureException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(connector.sent).isEmpty();
        manager.open(id);
        scheduler.runDue();
        connector.last().succeed();
        assertThat(manager.send(id, ping).toCompletableFuture().join().status())
                .isEqualTo(org.assure.channels.ManagementStatus.CONTENT);
        assertThat(connector.sent).containsExactly(ping);
    }
}
