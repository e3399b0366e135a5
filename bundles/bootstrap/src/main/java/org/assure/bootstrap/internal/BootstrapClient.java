package org.assure.bootstrap.internal;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.assure.bootstrap.BootstrapListener;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.BootstrapOutcome.Result;
import org.assure.bootstrap.BootstrapService;
import org.assure.bootstrap.BootstrapStatus;
import org.assure.bootstrap.BootstrapStatus.Phase;
import org.assure.channels.BootstrapTrigger;
import org.assure.channels.GoodbyeHook;
import org.assure.core.model.GoodbyeReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs bootstrap attempts on the scheduler: locate the server, fetch the image, open and apply it. A failed
 * attempt is retried after a capped exponential back-off with jitter until one succeeds; a success or a new
 * request ({@link #bootstrapNow}) resets the count. Attempts never overlap: the scheduler runs one task at a time
 * and a request while one runs is folded into it.
 */
final class BootstrapClient implements BootstrapService, BootstrapTrigger {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapClient.class);

    private final ServerLocator locator;
    private final Supplier<UUID> deviceId;
    private final ImageFetcher fetcher;
    private final ImageApplier applier;
    private final GoodbyeHook goodbye;
    private final Duration goodbyeTimeout;
    private final Backoff backoff;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Listeners listeners;

    private Phase phase = Phase.IDLE;
    private Optional<BootstrapOutcome> last = Optional.empty();
    private Optional<Instant> nextAttempt = Optional.empty();
    private int failures;
    private Scheduler.Task pending;
    private boolean closed;

    BootstrapClient(ServerLocator locator, Supplier<UUID> deviceId, ImageFetcher fetcher, ImageApplier applier,
            GoodbyeHook goodbye, Duration goodbyeTimeout, Backoff backoff, Scheduler scheduler, Clock clock,
            Listeners listeners) {
        this.locator = Objects.requireNonNull(locator, "locator");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.goodbye = Objects.requireNonNull(goodbye, "goodbye");
        this.goodbyeTimeout = Objects.requireNonNull(goodbyeTimeout, "goodbyeTimeout");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    /** First start: bootstrap at once, without goodbye (there is nobody to say it to). */
    synchronized void startFirstBootstrap() {
        LOG.info("No management channel defined: bootstrapping");
        schedule(Duration.ZERO, Optional.empty());
    }

    @Override
    public void bootstrapSoon(GoodbyeReason reason) {
        bootstrapNow(reason);
    }

    @Override
    public synchronized void bootstrapNow(GoodbyeReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (phase == Phase.RUNNING) {
            return;
        }
        failures = 0;
        schedule(Duration.ZERO, Optional.of(reason));
    }

    @Override
    public synchronized BootstrapStatus status() {
        return new BootstrapStatus(phase, last, nextAttempt);
    }

    @Override
    public void addListener(BootstrapListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(BootstrapListener listener) {
        listeners.remove(listener);
    }

    /** Cancels a pending attempt; a running one finishes but schedules nothing. */
    synchronized void close() {
        closed = true;
        cancelPending();
    }

    private void schedule(Duration delay, Optional<GoodbyeReason> sayGoodbye) {
        if (closed) {
            return;
        }
        cancelPending();
        phase = delay.isZero() ? Phase.RUNNING : Phase.WAITING_TO_RETRY;
        nextAttempt = delay.isZero() ? Optional.empty() : Optional.of(clock.instant().plus(delay));
        pending = scheduler.schedule(() -> attempt(sayGoodbye), delay);
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void attempt(Optional<GoodbyeReason> sayGoodbye) {
        synchronized (this) {
            if (closed) {
                return;
            }
            phase = Phase.RUNNING;
            nextAttempt = Optional.empty();
            pending = null;
        }
        sayGoodbye.ifPresent(reason -> goodbye.goodbye(reason, goodbyeTimeout));
        BootstrapOutcome outcome;
        try {
            InetSocketAddress server = locator.locate();
            FetchedImage image = fetcher.fetch(server, deviceId.get());
            long sequence = applier.apply(image);
            outcome = succeeded(sequence);
            LOG.info("Bootstrap from {} applied (owner sequence {})", server, sequence);
        } catch (UnknownHostException e) {
            outcome = failed(Result.UNREACHABLE, "the bootstrap server name does not resolve");
        } catch (FetchException e) {
            outcome = failed(e.result(), e.getMessage());
        } catch (ApplyException e) {
            outcome = failed(e.result(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Bootstrap attempt failed unexpectedly", e);
            outcome = failed(Result.APPLY_FAILED, "unexpected error");
        }
        if (!outcome.succeeded()) {
            LOG.warn("Bootstrap attempt {} failed ({}: {}); retrying in {}", outcome.attempt(), outcome.result(),
                    outcome.reason(), outcome.retryIn().orElseThrow());
        }
        listeners.bootstrapFinished(outcome);
    }

    private synchronized BootstrapOutcome succeeded(long sequence) {
        BootstrapOutcome outcome = BootstrapOutcome.succeeded(clock.instant(), sequence, failures + 1);
        failures = 0;
        phase = Phase.IDLE;
        last = Optional.of(outcome);
        return outcome;
    }

    private synchronized BootstrapOutcome failed(Result result, String reason) {
        failures++;
        Duration delay = backoff.delay(failures);
        BootstrapOutcome outcome = BootstrapOutcome.failed(clock.instant(), result, reason, failures, delay);
        last = Optional.of(outcome);
        if (closed) {
            phase = Phase.IDLE;
        } else {
            schedule(delay, Optional.empty());
        }
        return outcome;
    }
}
