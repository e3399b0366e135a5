package org.assure.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ManagedChannel;
import org.assure.core.model.ChannelState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelStoreTest {
    @TempDir
    Path dir;

    @Test
    void writes_only_persistent_channels_and_reads_them_back_closed() throws IOException {
        ChannelStore store = new ChannelStore(dir);
        ManagedChannel kept = new ManagedChannel(7, Fixtures.config(true, true), ChannelState.OPEN,
                ChannelOrigin.BOOTSTRAP);
        ManagedChannel ram = new ManagedChannel(8, Fixtures.config(false, false), ChannelState.OPEN,
                ChannelOrigin.MANAGEMENT);
        store.write(new ChannelStore.Content(9, List.of(kept, ram)));

        ChannelStore.Content loaded = new ChannelStore(dir).load();
        assertThat(loaded.nextId()).isEqualTo(9);
        assertThat(loaded.channels()).containsExactly(kept.withState(ChannelState.CLOSED));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("channels.cbor");
    }

    @Test
    void leftovers_of_interrupted_writes_are_ignored_and_removed() throws IOException {
        ChannelStore store = new ChannelStore(dir);
        ManagedChannel kept = new ManagedChannel(1, Fixtures.config(true, false), ChannelState.CLOSED,
                ChannelOrigin.LOCAL);
        store.write(new ChannelStore.Content(2, List.of(kept)));
        // a crash after writing the new file but before the rename, and a staged state never committed
        Files.write(dir.resolve("channels.cbor.new"), new byte[] {1, 2, 3});
        store.writeStaged(new ChannelStore.Content(5, List.of()));

        ChannelStore.Content loaded = new ChannelStore(dir).load();
        assertThat(loaded.channels()).containsExactly(kept);
        assertThat(Files.exists(dir.resolve("channels.cbor.new"))).isFalse();
        assertThat(Files.exists(dir.resolve("channels.cbor.staged"))).isFalse();
    }

    @Test
    void staged_state_becomes_current_on_commit() throws IOException {
        ChannelStore store = new ChannelStore(dir);
        store.load();
        ManagedChannel staged = new ManagedChannel(3, Fixtures.config(true, false), ChannelState.CLOSED,
                ChannelOrigin.BOOTSTRAP);
        store.writeStaged(new ChannelStore.Content(4, List.of(staged)));
        assertThat(Files.exists(dir.resolve("channels.cbor"))).isFalse();
        store.commitStaged();
        assertThat(new ChannelStore(dir).load().channels()).containsExactly(staged);
    }

    @Test
    void a_corrupt_store_is_an_error_not_an_empty_store() throws IOException {
        Files.write(dir.resolve("channels.cbor"), new byte[] {(byte) 0x83, 1, 1});
        assertThatThrownBy(() -> new ChannelStore(dir).load()).isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void duplicate_ids_and_trailing_bytes_are_corrupt() throws IOException {
        ManagedChannel a = new ManagedChannel(1, Fixtures.config(true, false), ChannelState.CLOSED,
                ChannelOrigin.LOCAL);
        byte[] good = ChannelStore.encode(new ChannelStore.Content(2, List.of(a)));
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        Files.write(dir.resolve("channels.cbor"), trailing);
        assertThatThrownBy(() -> new ChannelStore(dir).load()).isInstanceOf(IOException.class);

        byte[] twice = ChannelStore.encode(new ChannelStore.Content(2, List.of(a,
                new ManagedChannel(1, Fixtures.config(true, false), ChannelState.CLOSED, ChannelOrigin.LOCAL))));
        Files.write(dir.resolve("channels.cbor"), twice);
        assertThatThrownBy(() -> new ChannelStore(dir).load()).isInstanceOf(IOException.class);
    }
}
