package org.assure.channels.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} on virtual time: tasks run only when the test advances the clock. */
final class ManualScheduler implements Scheduler {
    private final class Task implements Cancellable {
        final long due;
        final long seq;
        final Runnable body;
        boolean cancelled;

        Task(long due, long seq, Runnable body) {
            this.due = due;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private long seq;

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task t = new Task(now + delay.toMillis(), seq++, task);
        tasks.add(t);
        return t;
    }

    /** Runs every task due now (including ones they schedule with zero delay). */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves virtual time forward, running tasks in due order. */
    void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toMillis();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && t.due <= target)
                        .min(Comparator.<Task>comparingLong(t -> t.due).thenComparingLong(t -> t.seq)).orElse(null);
                if (next == null) {
                    now = target;
                    tasks.removeIf(t -> t.cancelled);
                    return;
                }
                tasks.remove(next);
                now = Math.max(now, next.due);
            }
            next.body.run();
        }
    }

    /** Delay until the earliest pending task, or null if none. */
    synchronized Duration nextDelay() {
        return tasks.stream().filter(t -> !t.cancelled).mapToLong(t -> t.due - now).min().stream()
                .mapToObj(Duration::ofMillis).findFirst().orElse(null);
    }
}
