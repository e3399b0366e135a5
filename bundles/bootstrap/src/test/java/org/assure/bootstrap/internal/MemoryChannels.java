package org.assure.bootstrap.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assure.channels.ChannelListener;
import org.assure.channels.ChannelManager;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelStaging;
import org.assure.channels.DeleteOutcome;
import org.assure.channels.ManagedChannel;
import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelState;
import org.assure.keystore.KeyOperations;

/**
 * The part of the {@link ChannelManager} contract a bootstrap and presence use — channel list, listeners, and a
 * staging that publishes on commit and nothing otherwise — in memory, with {@link #setState} standing in for the
 * state machine (the real manager opens channels only to real peers). Used by the presence tests, which react to
 * state changes only.
 */
final class MemoryChannels implements ChannelManager {
    private final CopyOnWriteArrayList<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private volatile TreeMap<Long, ManagedChannel> channels = new TreeMap<>();
    private boolean staging;

    @Override
    public List<ManagedChannel> channels() {
        return List.copyOf(channels.values());
    }

    @Override
    public Optional<ManagedChannel> channel(long id) {
        return Optional.ofNullable(channels.get(id));
    }

    /** Defines a channel directly (as local configuration would). */
    synchronized void define(long id, ChannelConfiguration configuration, ChannelOrigin origin) {
        TreeMap<Long, ManagedChannel> next = new TreeMap<>(channels);
        next.put(id, new ManagedChannel(id, configuration, ChannelState.CLOSED, origin));
        channels = next;
    }

    /** Moves a channel to {@code state} and tells the listeners, as the state machine does. */
    void setState(long id, ChannelState state) {
        ManagedChannel before;
        ManagedChannel after;
        synchronized (this) {
            before = channels.get(id);
            after = before.withState(state);
            TreeMap<Long, ManagedChannel> next = new TreeMap<>(channels);
            next.put(id, after);
            channels = next;
        }
        for (ChannelListener listener : listeners) {
            listener.channelChanged(after, Optional.of(before.state()), false);
        }
    }

    @Override
    public synchronized ChannelStaging stage(ChannelOrigin origin) {
        if (staging) {
            throw new IllegalStateException("one staging at a time in this test double");
        }
        staging = true;
        return new Staging(origin, new TreeMap<>(channels));
    }

    private synchronized void endStaging(Optional<TreeMap<Long, ManagedChannel>> publish) {
        staging = false;
        publish.ifPresent(next -> channels = next);
    }

    private final class Staging implements ChannelStaging {
        private final ChannelOrigin origin;
        private final TreeMap<Long, ManagedChannel> view;
        private boolean prepared;
        private boolean done;

        Staging(ChannelOrigin origin, TreeMap<Long, ManagedChannel> view) {
            this.origin = origin;
            this.view = view;
        }

        @Override
        public long create(ChannelConfiguration configuration) throws AssureException {
            long id = view.isEmpty() ? 1 : view.lastKey() + 1;
            create(id, configuration);
            return id;
        }

        @Override
        public void create(long id, ChannelConfiguration configuration) throws AssureException {
            if (view.containsKey(id)) {
                throw new AssureException(ErrorKind.CONFLICT, "channel exists");
            }
            view.put(id, new ManagedChannel(id, configuration, ChannelState.CLOSED, origin));
        }

        @Override
        public boolean delete(long id) throws AssureException {
            ManagedChannel existing = view.get(id);
            if (existing != null && existing.origin() == ChannelOrigin.BOOTSTRAP) {
                throw new AssureException(ErrorKind.FORBIDDEN, "bootstrap channel");
            }
            return view.remove(id) != null;
        }

        @Override
        public int deleteAll() {
            if (origin != ChannelOrigin.BOOTSTRAP) {
                throw new IllegalStateException("only a bootstrap deletes all channels");
            }
            int existed = view.size();
            view.clear();
            return existed;
        }

        @Override
        public void open(long id) throws AssureException {
            requireExisting(id);
        }

        @Override
        public void close(long id) throws AssureException {
            requireExisting(id);
        }

        private void requireExisting(long id) throws AssureException {
            if (!view.containsKey(id)) {
                throw new AssureException(ErrorKind.NOT_FOUND, "no such channel");
            }
        }

        @Override
        public boolean exists(long id) {
            return view.containsKey(id);
        }

        @Override
        public void prepare(KeyOperations keystoreTransaction) throws IOException {
            if (prepared || done) {
                throw new IllegalStateException("already prepared or finished");
            }
            prepared = true;
        }

        @Override
        public void commit() {
            if (!prepared || done) {
                throw new IllegalStateException("staging not prepared");
            }
            done = true;
            endStaging(Optional.of(view));
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                endStaging(Optional.empty());
            }
        }
    }

    // ---- not used by a bootstrap ----
    @Override
    public long create(ChannelConfiguration configuration, ChannelOrigin origin) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void create(long id, ChannelConfiguration configuration, ChannelOrigin origin) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DeleteOutcome delete(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void open(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean usesKey(UUID keyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.util.concurrent.CompletionStage<org.assure.channels.ManagementResponse> send(long id,
            org.assure.channels.ManagementRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addListener(ChannelListener listener) {
        listeners.addIfAbsent(listener);
    }

    @Override
    public void removeListener(ChannelListener listener) {
        listeners.remove(listener);
    }
}
