package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assure.channels.ChannelOrigin;
import org.assure.core.model.ChannelConfiguration;
import org.assure.channels.ChannelStaging;
import org.assure.channels.ManagedChannel;
import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.ChannelState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingTransactionTest {
    /** The file store keeps staged channels itself; it must not touch the keystore transaction. */
    private static final org.assure.keystore.KeyOperations NO_KEYSTORE = (org.assure.keystore.KeyOperations)
            java.lang.reflect.Proxy.newProxyInstance(StagingTransactionTest.class.getClassLoader(),
                    new Class<?>[] {org.assure.keystore.KeyOperations.class}, (proxy, method, args) -> {
                        throw new AssertionError("keystore used");
                    });

    @TempDir
    Path dir;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ScriptedConnector connector = new ScriptedConnector();
    private ChannelSupervisor manager;

    @BeforeEach
    void start() throws IOException {
        manager = new ChannelSupervisor(new ChannelStore(dir), connector, scheduler,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0), 8);
    }

    @Test
    void nothing_is_visible_before_commit_and_everything_after() throws Exception {
        long old = manager.create(Fixtures.config(true, false), ChannelOrigin.MANAGEMENT);
        try (ChannelStaging staging = manager.stage(ChannelOrigin.BOOTSTRAP)) {
            long created = staging.create(Fixtures.config(true, true));
            assertThat(staging.delete(old)).isTrue();
            staging.create(100, Fixtures.config(true, false));
            staging.open(100);
            assertThat(manager.channels()).extracting(ManagedChannel::id).containsExactly(old);

            staging.prepare(NO_KEYSTORE);
            assertThatThrownBy(() -> manager.create(Fixtures.config(true, false), ChannelOrigin.LOCAL))
                    .extracting(e -> ((AssureException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE);
            staging.commit();

            assertThat(manager.channels()).extracting(ManagedChannel::id).containsExactly(created, 100L);
            assertThat(manager.channel(100).orElseThrow().state()).isEqualTo(ChannelState.OPEN_REQUESTED);
            assertThat(manager.channel(created).orElseThrow().origin()).isEqualTo(ChannelOrigin.BOOTSTRAP);
        }
        ChannelSupervisor restarted = new ChannelSupervisor(new ChannelStore(dir), connector, scheduler,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0), 8);
        assertThat(restarted.channels()).extracting(ManagedChannel::id).hasSize(2).contains(100L);
        assertThatThrownBy(() -> restarted.delete(100)).extracting(e -> ((AssureException) e).kind())
                .isEqualTo(ErrorKind.FORBIDDEN);
    }

    @Test
    void an_aborted_staging_changes_nothing() throws Exception {
        long old = manager.create(Fixtures.config(true, false), ChannelOrigin.MANAGEMENT);
        byte[] before = Files.readAllBytes(dir.resolve("channels.cbor"));
        ChannelStaging staging = manager.stage(ChannelOrigin.BOOTSTRAP);
        staging.delete(old);
        staging.create(Fixtures.config(true, true));
        staging.prepare(NO_KEYSTORE);
        staging.close();
        assertThat(manager.channels()).extracting(ManagedChannel::id).containsExactly(old);
        assertThat(Files.readAllBytes(dir.resolve("channels.cbor"))).isEqualTo(before);
        assertThat(Files.exists(dir.resolve("channels.cbor.staged"))).isFalse();
        manager.create(Fixtures.config(true, false), ChannelOrigin.LOCAL); // writable again
    }

    @Test
    void staged_operations_are_checked_as_they_come() throws Exception {
        long bootstrap = manager.create(Fixtures.config(true, false), ChannelOrigin.BOOTSTRAP);
        try (ChannelStaging staging = manager.stage(ChannelOrigin.BOOTSTRAP)) {
            assertThatThrownBy(() -> staging.delete(bootstrap)).extracting(e -> ((AssureException) e).kind())
                    .isEqualTo(ErrorKind.FORBIDDEN);
            assertThatThrownBy(() -> staging.create(bootstrap, Fixtures.config(true, false)))
                    .extracting(e -> ((AssureException) e).kind()).isEqualTo(ErrorKind.CONFLICT);
            assertThatThrownBy(() -> staging.open(55)).extracting(e -> ((AssureException) e).kind())
                    .isEqualTo(ErrorKind.NOT_FOUND);
            assertThat(staging.delete(56)).isFalse();
        }
    }

    @Test
    void a_conflicting_direct_change_fails_the_prepare_and_changes_nothing() throws Exception {
        ChannelStaging staging = manager.stage(ChannelOrigin.BOOTSTRAP);
        staging.create(5, Fixtures.config(true, false));
        manager.create(5, Fixtures.config(true, false), ChannelOrigin.LOCAL);
        assertThatThrownBy(() -> staging.prepare(NO_KEYSTORE)).isInstanceOf(IOException.class);
        assertThat(manager.channel(5).orElseThrow().origin()).isEqualTo(ChannelOrigin.LOCAL);
        assertThatThrownBy(staging::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void only_a_bootstrap_staging_deletes_all_channels() throws Exception {
        manager.create(Fixtures.config(true, false), ChannelOrigin.MANAGEMENT);
        try (ChannelStaging staging = manager.stage(ChannelOrigin.MANAGEMENT)) {
            assertThatThrownBy(staging::deleteAll).isInstanceOf(IllegalStateException.class);
        }
        assertThat(manager.channels()).hasSize(1);
    }

    @Test
    void a_new_owner_bootstrap_deletes_every_channel_bootstrap_defined_ones_included() throws Exception {
        long bootstrap = manager.create(Fixtures.config(true, false), ChannelOrigin.BOOTSTRAP);
        long management = manager.create(Fixtures.config(true, false), ChannelOrigin.MANAGEMENT);
        ChannelConfiguration replacement = Fixtures.config(true, false);
        try (ChannelStaging staging = manager.stage(ChannelOrigin.BOOTSTRAP)) {
            staging.open(management);
            assertThat(staging.deleteAll()).isEqualTo(2);
            assertThat(staging.exists(bootstrap)).isFalse();
            assertThatThrownBy(() -> staging.open(management)).extracting(e -> ((AssureException) e).kind())
                    .isEqualTo(ErrorKind.NOT_FOUND);
            long created = staging.create(replacement);
            assertThat(created).isNotIn(bootstrap, management);
            staging.prepare(NO_KEYSTORE);
            staging.commit();
            assertThat(manager.channels()).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo(created);
                assertThat(c.configuration()).isEqualTo(replacement);
                assertThat(c.origin()).isEqualTo(ChannelOrigin.BOOTSTRAP);
            });
        }
        // The staged open of a deleted channel was dropped, not carried out.
        assertThat(connector.attempts).isEmpty();
        ChannelSupervisor restarted = new ChannelSupervisor(new ChannelStore(dir), connector, scheduler,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0), 8);
        assertThat(restarted.channels()).extracting(ManagedChannel::configuration).containsExactly(replacement);
    }

    @Test
    void an_open_channel_redefined_under_its_id_is_replaced_and_its_old_link_closed() throws Exception {
        ChannelConfiguration old = Fixtures.config(true, true);
        manager.create(1, old, ChannelOrigin.BOOTSTRAP);
        scheduler.runDue();
        ScriptedConnector.TestLink oldLink = connector.last().succeed();
        assertThat(manager.channel(1).orElseThrow().state()).isEqualTo(ChannelState.OPEN);

        ChannelConfiguration replacement = Fixtures.config(true, true);
        try (ChannelStaging staging = manager.stage(ChannelOrigin.BOOTSTRAP)) {
            staging.deleteAll();
            staging.create(1, replacement);
            staging.prepare(NO_KEYSTORE);
            staging.commit();
        }
        scheduler.runDue();

        assertThat(oldLink.closeCalls).isEqualTo(1);
        assertThat(manager.channel(1).orElseThrow().configuration()).isEqualTo(replacement);
        assertThat(connector.last().channel.configuration()).isEqualTo(replacement);
        connector.last().succeed();
        assertThat(manager.channel(1).orElseThrow().state()).isEqualTo(ChannelState.OPEN);
        // The old link ending late does not touch the new channel.
        oldLink.lose(ChannelState.OTHER_ERROR);
        assertThat(manager.channel(1).orElseThrow().state()).isEqualTo(ChannelState.OPEN);
    }
}
