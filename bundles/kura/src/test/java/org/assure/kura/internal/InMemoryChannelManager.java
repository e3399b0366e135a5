package org.assure.kura.internal;

import java.util.ArrayList;
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

/**
 * A small in-memory {@link ChannelManager} for tests (the real one is internal to the channels bundle): channels in a
 * map, open/close move straight to OPEN_REQUESTED/CLOSED, events delivered synchronously to listeners as the API
 * describes them. {@link #setState} plays the transport's part.
 */
final class InMemoryChannelManager implements ChannelManager {
    private final TreeMap<Long, ManagedChannel> channels = new TreeMap<>();
    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private boolean busy;

    @Override
    public java.util.concurrent.CompletionStage<org.assure.channels.ManagementResponse> send(long id,
            org.assure.channels.ManagementRequest request) {
        throw new UnsupportedOperationException("the Kura integration sends no requests over channels");
    }

    @Override
    public synchronized List<ManagedChannel> channels() {
        return new ArrayList<>(channels.values());
    }

    @Override
    public synchronized Optional<ManagedChannel> channel(long id) {
        return Optional.ofNullable(channels.get(id));
    }

    @Override
    public long create(ChannelConfiguration configuration, ChannelOrigin origin) throws AssureException {
        long id;
        synchronized (this) {
            id = channels.isEmpty() ? 1 : channels.lastKey() + 1;
        }
        create(id, configuration, origin);
        return id;
    }

    @Override
    public void create(long id, ChannelConfiguration configuration, ChannelOrigin origin) throws AssureException {
        ManagedChannel channel = new ManagedChannel(id, configuration, ChannelState.CLOSED, origin);
        synchronized (this) {
            checkNotBusy();
            if (channels.containsKey(id)) {
                throw new AssureException(ErrorKind.CONFLICT, "channel exists");
            }
            channels.put(id, channel);
        }
        fire(channel, Optional.empty(), false);
    }

    @Override
    public DeleteOutcome delete(long id) throws AssureException {
        ManagedChannel removed;
        synchronized (this) {
            checkNotBusy();
            ManagedChannel channel = channels.get(id);
            if (channel != null && channel.origin() == ChannelOrigin.BOOTSTRAP) {
                throw new AssureException(ErrorKind.FORBIDDEN, "bootstrap-defined");
            }
            removed = channels.remove(id);
        }
        if (removed != null) {
            fire(removed, Optional.of(removed.state()), true);
        }
        return DeleteOutcome.DELETED;
    }

    @Override
    public void open(long id) throws AssureException {
        setState(id, ChannelState.OPEN_REQUESTED);
    }

    @Override
    public void close(long id) throws AssureException {
        setState(id, ChannelState.CLOSED);
    }

    /** Moves a channel to {@code state} and tells the listeners. */
    void setState(long id, ChannelState state) throws AssureException {
        ManagedChannel before;
        ManagedChannel after;
        synchronized (this) {
            checkNotBusy();
            before = channels.get(id);
            if (before == null) {
                throw new AssureException(ErrorKind.NOT_FOUND, "no such channel");
            }
            after = before.withState(state);
            channels.put(id, after);
        }
        if (before.state() != state) {
            fire(after, Optional.of(before.state()), false);
        }
    }

    /** While busy, changes fail with UNAVAILABLE, as during a prepared bootstrap staging. */
    synchronized void setBusy(boolean busy) {
        this.busy = busy;
    }

    private void checkNotBusy() throws AssureException {
        if (busy) {
            throw new AssureException(ErrorKind.UNAVAILABLE, "staging prepared");
        }
    }

    @Override
    public synchronized boolean usesKey(UUID keyId) {
        return channels.values().stream().anyMatch(c -> c.configuration().localKeyId().equals(keyId)
                || c.configuration().effectivePeerKeyId().equals(keyId));
    }

    @Override
    public ChannelStaging stage(ChannelOrigin origin) {
        throw new UnsupportedOperationException("not needed by the Kura bundle");
    }

    @Override
    public void addListener(ChannelListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ChannelListener listener) {
        listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    private void fire(ManagedChannel channel, Optional<ChannelState> previous, boolean deleted) {
        listeners.forEach(l -> l.channelChanged(channel, previous, deleted));
    }
}
