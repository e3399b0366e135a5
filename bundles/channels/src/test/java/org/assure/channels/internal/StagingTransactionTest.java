package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assure.channels.ChannelOrigin;
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
}
