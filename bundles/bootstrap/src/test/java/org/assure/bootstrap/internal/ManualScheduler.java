package org.assure.bootstrap.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A scheduler and clock driven by the test: time moves only when the test advances it. */
final class ManualScheduler implements Scheduler {
    private final class Entry implements Task {
        final Runnable task;
        final Instant due;
        boolean cancelled;

        Entry(Runnable task, Instant due) {
            this.task = task;
            this.due = due;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-05T12:00:00Z");

    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            synchronized (ManualScheduler.this) {
                return now;
            }
        }
    };

    @Override
    public synchronized Task schedule(Runnable task, Duration delay) {
        Entry entry = new Entry(task, now.plus(delay));
        entries.add(entry);
        return entry;
    }

    /** The delay until the next live task, if any. */
    synchronized Optional<Duration> nextDelay() {
        return live().map(e -> Duration.between(now, e.due));
    }

    private Optional<Entry> live() {
        entries.removeIf(e -> e.cancelled);
        return entries.stream().min(Comparator.comparing((Entry e) -> e.due));
    }

    /** Moves time to the next live task and runs it; false if there is none. */
    boolean runNext() {
        Entry next;
        synchronized (this) {
            Optional<Entry> found = live();
            if (found.isEmpty()) {
                return false;
            }
            next = found.get();
            entries.remove(next);
            if (next.due.isAfter(now)) {
                now = next.due;
            }
        }
        next.task.run();
        return true;
    }
}
