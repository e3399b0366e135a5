package org.assure.channels.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelStaging;
import org.assure.channels.ManagedChannel;
import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelState;
import org.assure.keystore.KeyOperations;

/**
 * A {@link ChannelStaging}: operations are checked against a snapshot as they are staged (so a bootstrap replay
 * gets the right answer for each message), recorded, and replayed against the current channels at
 * {@link #prepare(KeyOperations)}, so direct changes made in between are neither lost nor overwritten.
 */
final class StagingTransaction implements ChannelStaging {
    private sealed interface Op permits Create, Delete, DeleteAll, Open, Close {
    }

    private record Create(long id, ChannelConfiguration configuration) implements Op {
    }

    private record Delete(long id) implements Op {
    }

    /** Every channel goes, bootstrap-defined ones included (a new owner's bootstrap). */
    private record DeleteAll() implements Op {
    }

    private record Open(long id) implements Op {
    }

    private record Close(long id) implements Op {
    }

    /** The outcome of replaying the operations. */
    private record View(TreeMap<Long, ManagedChannel> channels, long nextId, List<Long> opens, List<Long> closes) {
    }

    private final ChannelSupervisor supervisor;
    private final ChannelOrigin origin;
    private final int maxChannels;
    private final List<Op> ops = new ArrayList<>();
    private View view;
    private View preparedView;
    private boolean done;

    StagingTransaction(ChannelSupervisor supervisor, ChannelOrigin origin, List<ManagedChannel> snapshot,
            long nextId, int maxChannels) {
        this.supervisor = supervisor;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.maxChannels = maxChannels;
        TreeMap<Long, ManagedChannel> channels = new TreeMap<>();
        snapshot.forEach(c -> channels.put(c.id(), c));
        this.view = new View(channels, nextId, new ArrayList<>(), new ArrayList<>());
    }

    @Override
    public long create(ChannelConfiguration configuration) throws AssureException {
        checkOpen();
        long id = ChannelSupervisor.freeId(view.nextId(), view.channels()::containsKey);
        apply(view, new Create(id, configuration));
        ops.add(new Create(id, configuration));
        return id;
    }

    @Override
    public void create(long id, ChannelConfiguration configuration) throws AssureException {
        checkOpen();
        ChannelSupervisor.checkId(id);
        stage(new Create(id, Objects.requireNonNull(configuration, "configuration")));
    }

    @Override
    public boolean delete(long id) throws AssureException {
        checkOpen();
        boolean existed = view.channels().containsKey(id);
        stage(new Delete(id));
        return existed;
    }

    @Override
    public int deleteAll() {
        checkOpen();
        if (origin != ChannelOrigin.BOOTSTRAP) {
            throw new IllegalStateException("only a bootstrap deletes all channels");
        }
        int existed = view.channels().size();
        applyDeleteAll(view);
        ops.add(new DeleteAll());
        return existed;
    }

    private static void applyDeleteAll(View target) {
        target.channels().clear();
        // Open and close requests staged before concern channels that no longer exist.
        target.opens().clear();
        target.closes().clear();
    }

    @Override
    public void open(long id) throws AssureException {
        checkOpen();
        stage(new Open(id));
    }

    @Override
    public void close(long id) throws AssureException {
        checkOpen();
        stage(new Close(id));
    }

    @Override
    public boolean exists(long id) {
        return view.channels().containsKey(id);
    }

    private void stage(Op op) throws AssureException {
        apply(view, op);
        ops.add(op);
    }

    private void apply(View target, Op op) throws AssureException {
        if (op instanceof Create create) {
            if (target.channels().containsKey(create.id())) {
                throw new AssureException(ErrorKind.CONFLICT, "channel exists");
            }
            if (target.channels().size() >= maxChannels) {
                throw new AssureException(ErrorKind.TOO_LARGE, "no room for more channels");
            }
            target.channels().put(create.id(),
                    new ManagedChannel(create.id(), create.configuration(), ChannelState.CLOSED, origin));
        } else if (op instanceof Delete delete) {
            ManagedChannel existing = target.channels().get(delete.id());
            if (existing != null && existing.origin() == ChannelOrigin.BOOTSTRAP) {
                throw new AssureException(ErrorKind.FORBIDDEN, "bootstrap channel");
            }
            target.channels().remove(delete.id());
        } else if (op instanceof DeleteAll) {
            applyDeleteAll(target);
        } else if (op instanceof Open open) {
            requireExisting(target, open.id());
            target.opens().add(open.id());
        } else if (op instanceof Close close) {
            requireExisting(target, close.id());
            target.closes().add(close.id());
        }
    }

    private static void requireExisting(View target, long id) throws AssureException {
        if (!target.channels().containsKey(id)) {
            throw new AssureException(ErrorKind.NOT_FOUND, "no such channel");
        }
    }

    @Override
    public void prepare(KeyOperations keystoreTransaction) throws IOException {
        java.util.Objects.requireNonNull(keystoreTransaction, "keystoreTransaction");
        checkOpen();
        if (preparedView != null) {
            throw new IllegalStateException("already prepared");
        }
        View replay = replayOnCurrent();
        long nextId = replay.nextId();
        for (Long id : replay.channels().keySet()) {
            nextId = Math.max(nextId, id + 1);
        }
        replay = new View(replay.channels(), nextId, replay.opens(), replay.closes());
        try {
            supervisor.prepareStaging(this, new ChannelStore.Content(nextId,
                    List.copyOf(replay.channels().values())), keystoreTransaction);
        } catch (AssureException e) {
            done = true;
            throw new IOException("channels cannot be staged now", e);
        } catch (IOException e) {
            done = true;
            supervisor.abortStaging(this);
            throw e;
        }
        preparedView = replay;
    }

    private View replayOnCurrent() throws IOException {
        TreeMap<Long, ManagedChannel> current = new TreeMap<>();
        supervisor.channels().forEach(c -> current.put(c.id(), c));
        View replay = new View(current, view.nextId(), new ArrayList<>(), new ArrayList<>());
        try {
            for (Op op : ops) {
                apply(replay, op);
            }
        } catch (AssureException e) {
            done = true;
            throw new IOException("channels changed while staging", e);
        }
        return replay;
    }

    @Override
    public void commit() throws IOException {
        if (preparedView == null || done) {
            throw new IllegalStateException("staging not prepared");
        }
        done = true;
        supervisor.commitStaging(this, List.copyOf(preparedView.channels().values()), preparedView.nextId(),
                List.copyOf(preparedView.opens()), List.copyOf(preparedView.closes()));
    }

    @Override
    public void close() {
        if (!done) {
            done = true;
            supervisor.abortStaging(this);
        }
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("staging finished");
        }
    }
}
