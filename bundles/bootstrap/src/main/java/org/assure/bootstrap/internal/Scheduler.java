package org.assure.bootstrap.internal;

import java.time.Duration;

/** Runs tasks later, off the caller's thread; injectable so that tests drive time without sleeping. */
interface Scheduler {
    /** A scheduled task that can be cancelled. */
    interface Task {
        void cancel();
    }

    /** Runs {@code task} after {@code delay} (zero: as soon as possible). */
    Task schedule(Runnable task, Duration delay);
}
