package org.assure.channels.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.assure.channels.ChannelListener;
import org.assure.channels.ChannelManager;
import org.assure.channels.ChannelOrigin;
import org.assure.channels.ChannelStaging;
import org.assure.channels.DeleteOutcome;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.core.error.AssureException;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.ChannelConfiguration;
import org.assure.core.model.ChannelState;
import org.assure.core.model.ChannelStatus;
import org.assure.keystore.KeyOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChannelManager}: channel definitions, their persistence and the state machine of PROFILE §2.
 *
 * <pre>
 *  CLOSED/10..13 --open--> OPEN_REQUESTED --attempt--> HANDSHAKING --ok--> OPEN --close--> CLOSING --> CLOSED
 *                                                          |  fail                  \ lost: 0/10/13, retry
 *                                                          v
 *                                            10..13, retry after capped back-off
 * </pre>
 *
 * All state lives under one lock; connector callbacks re-enter through {@link #onAttemptDone} and
 * {@link #onLinkEnded}, which ignore results that belong to an earlier attempt. Listener events are queued under
 * the lock and delivered in order outside it.
 */
public final class ChannelSupervisor implements ChannelManager {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelSupervisor.class);

    /** The mutable per-channel state of the state machine. */
    private static final class Runtime {
        ManagedChannel channel;
        boolean wantOpen;
        boolean deleteWhenClosed;
        int failures;
        long attempt;
        Scheduler.Cancellable retry;
        ChannelLink link;

        Runtime(ManagedChannel channel) {
            this.channel = channel;
        }
    }

    private record Event(ManagedChannel channel, Optional<ChannelState> previous, boolean deleted) {
    }

    private final ChannelPersistence store;
    private final ChannelConnector connector;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final int maxChannels;
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Long, Runtime> channels = new TreeMap<>();
    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final ReentrantLock delivery = new ReentrantLock();
    /** Links to close once the lock is released: closing may call back into this class from engine threads. */
    private final ConcurrentLinkedQueue<ChannelLink> linksToClose = new ConcurrentLinkedQueue<>();
    private long nextId;
    private StagingTransaction prepared;
    private boolean closed;

    /**
     * Loads the persistent channels and starts opening those marked {@code open_immediately}.
     *
     * @throws IOException if the store cannot be read
     */
    public ChannelSupervisor(ChannelPersistence store, ChannelConnector connector, Scheduler scheduler, Backoff backoff,
            int maxChannels) throws IOException {
        this.store = Objects.requireNonNull(store, "store");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        if (maxChannels < 1 || maxChannels > 1024) {
            throw new IllegalArgumentException("maxChannels must be 1..1024");
        }
        this.maxChannels = maxChannels;
        ChannelStore.Content content = store.load();
        lock.lock();
        try {
            nextId = content.nextId();
            for (ManagedChannel channel : content.channels()) {
                channels.put(channel.id(), new Runtime(channel));
            }
            for (Runtime rt : channels.values()) {
                if (rt.channel.configuration().flags().openImmediately()) {
                    requestOpen(rt);
                }
            }
        } finally {
            lock.unlock();
        }
        afterUnlock();
        LOG.info("channel manager started with {} persistent channels", content.channels().size());
    }

    @Override
    public List<ManagedChannel> channels() {
        lock.lock();
        try {
            return channels.values().stream().map(rt -> rt.channel).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<ManagedChannel> channel(long id) {
        lock.lock();
        try {
            return Optional.ofNullable(channels.get(id)).map(rt -> rt.channel);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long create(ChannelConfiguration configuration, ChannelOrigin origin) throws AssureException {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(origin, "origin");
        long id;
        lock.lock();
        try {
            checkWritable();
            id = freeId(nextId, channels.keySet()::contains);
            insert(id, configuration, origin);
        } finally {
            lock.unlock();
        }
        afterUnlock();
        return id;
    }

    @Override
    public void create(long id, ChannelConfiguration configuration, ChannelOrigin origin) throws AssureException {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(origin, "origin");
        checkId(id);
        lock.lock();
        try {
            checkWritable();
            if (channels.containsKey(id)) {
                throw new AssureException(ErrorKind.CONFLICT, "channel exists");
            }
            insert(id, configuration, origin);
        } finally {
            lock.unlock();
        }
        afterUnlock();
    }

    private void insert(long id, ChannelConfiguration configuration, ChannelOrigin origin) throws AssureException {
        if (channels.size() >= maxChannels) {
            throw new AssureException(ErrorKind.TOO_LARGE, "no room for more channels");
        }
        ManagedChannel channel = new ManagedChannel(id, configuration, ChannelState.CLOSED, origin);
        long newNext = Math.max(nextId, id + 1);
        // written for RAM-only channels too: the stored next id keeps their ids from being reused after a restart
        List<ManagedChannel> all = new ArrayList<>(channels.size() + 1);
        channels.values().forEach(existing -> all.add(existing.channel));
        all.add(channel);
        persist(new ChannelStore.Content(newNext, all));
        nextId = newNext;
        Runtime rt = new Runtime(channel);
        channels.put(id, rt);
        events.add(new Event(channel, Optional.empty(), false));
        if (configuration.flags().openImmediately()) {
            requestOpen(rt);
        }
    }

    @Override
    public DeleteOutcome delete(long id) throws AssureException {
        DeleteOutcome outcome;
        lock.lock();
        try {
            checkWritable();
            Runtime rt = channels.get(id);
            if (rt == null) {
                return DeleteOutcome.DELETED;
            }
            if (rt.channel.origin() == ChannelOrigin.BOOTSTRAP) {
                throw new AssureException(ErrorKind.FORBIDDEN, "bootstrap channel");
            }
            if (rt.channel.persistent()) {
                List<ManagedChannel> rest = channels.values().stream().filter(r -> r != rt).map(r -> r.channel)
                        .toList();
                persist(new ChannelStore.Content(nextId, rest));
            }
            outcome = removeOrClose(rt);
        } finally {
            lock.unlock();
        }
        afterUnlock();
        return outcome;
    }

    /** Removes a channel whose definition is already gone from the store; closes it first if needed. */
    private DeleteOutcome removeOrClose(Runtime rt) {
        requestClose(rt);
        if (rt.channel.state() == ChannelState.CLOSING) {
            rt.deleteWhenClosed = true;
            return DeleteOutcome.CLOSING_THEN_DELETE;
        }
        remove(rt);
        return DeleteOutcome.DELETED;
    }

    private void remove(Runtime rt) {
        channels.remove(rt.channel.id());
        events.add(new Event(rt.channel, Optional.of(rt.channel.state()), true));
    }

    @Override
    public void open(long id) throws AssureException {
        lock.lock();
        try {
            checkWritable();
            requestOpen(existing(id));
        } finally {
            lock.unlock();
        }
        afterUnlock();
    }

    @Override
    public void close(long id) throws AssureException {
        lock.lock();
        try {
            checkWritable();
            requestClose(existing(id));
        } finally {
            lock.unlock();
        }
        afterUnlock();
    }

    @Override
    public boolean usesKey(UUID keyId) {
        lock.lock();
        try {
            return channels.values().stream().anyMatch(rt -> rt.channel.configuration().localKeyId().equals(keyId)
                    || rt.channel.configuration().effectivePeerKeyId().equals(keyId));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletionStage<ManagementResponse> send(long id, ManagementRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<ManagedChannel> channel = channel(id);
        if (channel.isEmpty()) {
            return CompletableFuture.failedFuture(new AssureException(ErrorKind.NOT_FOUND, "no such channel"));
        }
        if (channel.get().state() != ChannelState.OPEN) {
            return CompletableFuture.failedFuture(new AssureException(ErrorKind.UNAVAILABLE, "channel not open"));
        }
        return connector.send(channel.get(), request);
    }

    @Override
    public ChannelStaging stage(ChannelOrigin origin) {
        lock.lock();
        try {
            return new StagingTransaction(this, origin, List.copyOf(channels()), nextId, maxChannels);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addListener(ChannelListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(ChannelListener listener) {
        listeners.remove(listener);
    }

    /**
     * A link established by the peer (this device was the DTLS server) that belongs to channel {@code id}: the
     * channel is open on it. A link the channel already has is replaced.
     *
     * @return false if there is no such channel (the caller closes the link)
     */
    public boolean adopt(long id, ChannelLink link) {
        lock.lock();
        try {
            Runtime rt = channels.get(id);
            if (rt == null || closed || rt.deleteWhenClosed) {
                return false;
            }
            cancelRetry(rt);
            rt.attempt++;
            ChannelLink old = rt.link;
            rt.failures = 0;
            setOpen(rt, link);
            if (old != null && old != link) {
                linksToClose.add(old);
            }
        } finally {
            lock.unlock();
        }
        afterUnlock();
        return true;
    }

    /**
     * A transport arrived: channels waiting to retry after a failure try again now instead of waiting out their
     * back-off (the failure may have been the missing transport).
     */
    public void retryWaiting() {
        lock.lock();
        try {
            for (Runtime rt : channels.values()) {
                if (rt.wantOpen && rt.retry != null && !closed) {
                    cancelRetry(rt);
                    scheduleAttempt(rt, Duration.ZERO);
                }
            }
        } finally {
            lock.unlock();
        }
        afterUnlock();
    }

    /** Closes every link and stops the state machine (component deactivation); definitions stay stored. */
    public void shutdown() {
        List<ChannelLink> links = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            for (Runtime rt : channels.values()) {
                cancelRetry(rt);
                rt.attempt++;
                if (rt.link != null) {
                    links.add(rt.link);
                    rt.link = null;
                }
            }
        } finally {
            lock.unlock();
        }
        links.forEach(ChannelLink::close);
    }

    // ---- state machine (callers hold the lock) ----

    private void requestOpen(Runtime rt) {
        if (closed || rt.deleteWhenClosed) {
            return;
        }
        rt.wantOpen = true;
        switch (rt.channel.state()) {
            case OPEN, HANDSHAKING, OPEN_REQUESTED, CLOSING -> {
                // already on its way; CLOSING reopens when the close completes because wantOpen is set
            }
            default -> {
                cancelRetry(rt);
                rt.failures = 0;
                setState(rt, ChannelState.OPEN_REQUESTED);
                scheduleAttempt(rt, Duration.ZERO);
            }
        }
    }

    private void requestClose(Runtime rt) {
        rt.wantOpen = false;
        cancelRetry(rt);
        switch (rt.channel.state()) {
            case OPEN -> {
                setState(rt, ChannelState.CLOSING);
                linksToClose.add(rt.link);
            }
            case HANDSHAKING -> setState(rt, ChannelState.CLOSING); // the attempt's result is closed on arrival
            case CLOSING, CLOSED -> {
                // nothing to do
            }
            default -> setState(rt, ChannelState.CLOSED); // 1 (attempt not started) or 10..13 (waiting to retry)
        }
    }

    private void scheduleAttempt(Runtime rt, Duration delay) {
        long attempt = ++rt.attempt;
        long id = rt.channel.id();
        rt.retry = scheduler.schedule(() -> startAttempt(id, attempt), delay);
    }

    private void startAttempt(long id, long attempt) {
        ManagedChannel target;
        lock.lock();
        try {
            Runtime rt = channels.get(id);
            if (rt == null || rt.attempt != attempt || closed || !rt.wantOpen) {
                return;
            }
            rt.retry = null;
            setState(rt, ChannelState.HANDSHAKING);
            target = rt.channel;
        } finally {
            lock.unlock();
        }
        afterUnlock();
        // the connector is called without the lock: it may complete synchronously and re-enter onAttemptDone
        try {
            connector.connect(target).whenComplete((link, error) -> onAttemptDone(id, attempt, link, error));
        } catch (RuntimeException e) {
            onAttemptDone(id, attempt, null, e);
        }
    }

    private void onAttemptDone(long id, long attempt, ChannelLink link, Throwable error) {
        lock.lock();
        try {
            Runtime rt = channels.get(id);
            if (rt == null || rt.attempt != attempt || closed) {
                if (link != null) {
                    linksToClose.add(link); // superseded (closed, deleted, adopted an inbound link, shut down)
                }
                return;
            }
            if (error != null || link == null) {
                ChannelState failure = ChannelOpenException.stateOf(error);
                LOG.info("channel {} failed to open: {}", id, failure.label());
                if (rt.channel.state() == ChannelState.CLOSING) {
                    closedNow(rt);
                    return;
                }
                setState(rt, failure);
                rt.failures++;
                if (rt.wantOpen && backoff.retryAfter(rt.failures)) {
                    scheduleAttempt(rt, backoff.delayAfter(rt.failures));
                } else {
                    rt.wantOpen = false;
                }
                return;
            }
            if (rt.channel.state() == ChannelState.CLOSING || !rt.wantOpen) {
                rt.link = link;
                link.ended().whenComplete((state, e) -> onLinkEnded(id, link, state));
                setState(rt, ChannelState.CLOSING);
                linksToClose.add(link);
                return;
            }
            rt.failures = 0;
            setOpen(rt, link);
        } finally {
            lock.unlock();
            afterUnlock();
        }
    }

    private void setOpen(Runtime rt, ChannelLink link) {
        rt.link = link;
        long id = rt.channel.id();
        setState(rt, ChannelState.OPEN);
        link.ended().whenComplete((state, e) -> onLinkEnded(id, link, state == null ? ChannelState.OTHER_ERROR
                : state));
    }

    private void onLinkEnded(long id, ChannelLink link, ChannelState reported) {
        lock.lock();
        try {
            Runtime rt = channels.get(id);
            if (rt == null || rt.link != link) {
                return; // replaced or removed
            }
            rt.link = null;
            if (rt.channel.state() == ChannelState.CLOSING || closed) {
                closedNow(rt);
                return;
            }
            // lost while open
            ChannelState state = reported == null ? ChannelState.OTHER_ERROR : reported;
            LOG.info("channel {} lost: {}", id, state.label());
            setState(rt, state);
            if (rt.wantOpen) {
                rt.failures++;
                if (backoff.retryAfter(rt.failures)) {
                    scheduleAttempt(rt, backoff.delayAfter(rt.failures));
                } else {
                    rt.wantOpen = false;
                }
            }
        } finally {
            lock.unlock();
            afterUnlock();
        }
    }

    private void closedNow(Runtime rt) {
        setState(rt, ChannelState.CLOSED);
        if (rt.deleteWhenClosed) {
            remove(rt);
        } else if (rt.wantOpen && !closed) {
            rt.failures = 0;
            setState(rt, ChannelState.OPEN_REQUESTED);
            scheduleAttempt(rt, Duration.ZERO);
        }
    }

    private void cancelRetry(Runtime rt) {
        if (rt.retry != null) {
            rt.retry.cancel();
            rt.retry = null;
        }
        if (rt.channel.state() != ChannelState.HANDSHAKING && rt.channel.state() != ChannelState.CLOSING) {
            rt.attempt++; // a retry that already fired must not start an attempt
        }
    }

    private void setState(Runtime rt, ChannelState state) {
        ChannelState previous = rt.channel.state();
        if (previous == state) {
            return;
        }
        rt.channel = rt.channel.withState(state);
        events.add(new Event(rt.channel, Optional.of(previous), false));
    }

    // ---- helpers ----

    private Runtime existing(long id) throws AssureException {
        Runtime rt = channels.get(id);
        if (rt == null) {
            throw new AssureException(ErrorKind.NOT_FOUND, "no such channel");
        }
        return rt;
    }

    private void checkWritable() throws AssureException {
        if (prepared != null || closed) {
            throw new AssureException(ErrorKind.UNAVAILABLE, "channels are being changed");
        }
    }

    private void persist(ChannelStore.Content content) throws AssureException {
        try {
            store.write(content);
        } catch (IOException e) {
            LOG.error("cannot write the channel store", e);
            throw new AssureException(ErrorKind.INTERNAL, "store failed", e);
        }
    }

    static void checkId(long id) {
        if (id < 0 || id > ChannelStatus.MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("channel id out of range");
        }
    }

    /** The first id from {@code from} upwards (wrapping to 1) that {@code used} does not hold. */
    static long freeId(long from, java.util.function.LongPredicate used) throws AssureException {
        long candidate = Math.max(1, from);
        for (long tried = 0; tried <= ChannelStatus.MAX_CHANNEL_ID; tried++) {
            if (candidate > ChannelStatus.MAX_CHANNEL_ID) {
                candidate = 1;
            }
            if (!used.test(candidate)) {
                return candidate;
            }
            candidate++;
        }
        throw new AssureException(ErrorKind.TOO_LARGE, "no free channel id");
    }

    private void afterUnlock() {
        if (lock.isHeldByCurrentThread()) {
            return; // re-entered from a callback: the outermost caller finishes the work
        }
        ChannelLink link;
        while ((link = linksToClose.poll()) != null) {
            link.close();
        }
        deliver();
    }

    private void deliver() {
        // one deliverer at a time keeps events in the order they were queued under the lock
        while (!events.isEmpty() && delivery.tryLock()) {
            try {
                Event event;
                while ((event = events.poll()) != null) {
                    for (ChannelListener listener : listeners) {
                        try {
                            listener.channelChanged(event.channel(), event.previous(), event.deleted());
                        } catch (RuntimeException e) {
                            LOG.warn("channel listener failed", e);
                        }
                    }
                }
            } finally {
                delivery.unlock();
            }
        }
    }

    // ---- staging (called by StagingTransaction) ----

    void prepareStaging(StagingTransaction staging, ChannelStore.Content content, KeyOperations keystoreTransaction)
            throws IOException, AssureException {
        lock.lock();
        try {
            checkWritable();
            store.stage(content, keystoreTransaction);
            prepared = staging;
        } finally {
            lock.unlock();
        }
    }

    void abortStaging(StagingTransaction staging) {
        lock.lock();
        try {
            if (prepared == staging) {
                prepared = null;
                try {
                    store.discardStaged();
                } catch (IOException e) {
                    LOG.warn("cannot remove the staged channel store; it is removed on the next start", e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    void commitStaging(StagingTransaction staging, List<ManagedChannel> result, long newNextId,
            List<Long> opens, List<Long> closes) throws IOException {
        lock.lock();
        try {
            if (prepared != staging) {
                throw new IllegalStateException("staging not prepared");
            }
            try {
                store.commitStaged();
            } finally {
                prepared = null;
            }
            nextId = newNextId;
            TreeMap<Long, ManagedChannel> wanted = new TreeMap<>();
            result.forEach(c -> wanted.put(c.id(), c));
            Map<Long, Long> attempts = new HashMap<>();
            for (Runtime rt : List.copyOf(channels.values())) {
                ManagedChannel want = wanted.get(rt.channel.id());
                if (want == null) {
                    removeOrClose(rt);
                } else if (!sameDefinition(rt.channel, want)) {
                    attempts.put(rt.channel.id(), supersede(rt));
                }
            }
            for (ManagedChannel channel : wanted.values()) {
                if (!channels.containsKey(channel.id())) {
                    Runtime rt = new Runtime(channel.withState(ChannelState.CLOSED));
                    // Callbacks of a superseded runtime with this id carry older attempt numbers: they are ignored.
                    rt.attempt = attempts.getOrDefault(channel.id(), 0L);
                    channels.put(channel.id(), rt);
                    events.add(new Event(rt.channel, Optional.empty(), false));
                    if (channel.configuration().flags().openImmediately()) {
                        requestOpen(rt);
                    }
                }
            }
            closes.forEach(id -> Optional.ofNullable(channels.get(id)).ifPresent(this::requestClose));
            opens.forEach(id -> Optional.ofNullable(channels.get(id)).ifPresent(this::requestOpen));
        } finally {
            lock.unlock();
        }
        afterUnlock();
    }

    private static boolean sameDefinition(ManagedChannel running, ManagedChannel wanted) {
        return running.configuration().equals(wanted.configuration()) && running.origin() == wanted.origin();
    }

    /**
     * A staging deleted a channel and defined another one with the same id (a new owner's bootstrap, docs/
     * PROFILE-ADDITIONS.md item 41): the old runtime goes at once, its link closed without waiting, so the id is
     * free for the new definition. Pending callbacks of the old runtime find a newer attempt number and no link of
     * theirs, and are ignored (their links are closed).
     *
     * @return the attempt number the new runtime starts from
     */
    private long supersede(Runtime rt) {
        if (rt.retry != null) {
            rt.retry.cancel();
            rt.retry = null;
        }
        if (rt.link != null) {
            linksToClose.add(rt.link);
            rt.link = null;
        }
        rt.wantOpen = false;
        channels.remove(rt.channel.id());
        events.add(new Event(rt.channel, Optional.of(rt.channel.state()), true));
        return rt.attempt + 1;
    }
}
