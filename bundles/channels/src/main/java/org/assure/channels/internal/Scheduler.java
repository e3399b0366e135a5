package org.assure.channels.internal;

import java.time.Duration;

/** Runs the state machine's delayed work (open attempts, retries); injectable so tests need no sleeps. */
public interface Scheduler {
    /** A scheduled task that can be cancelled. */
    interface Cancellable {
        /** Cancels the task if it has not started; idempotent. */
        void cancel();
    }

    /** Runs {@code task} once after {@code delay} (zero: as soon as possible, never on the caller's thread). */
    Cancellable schedule(Runnable task, Duration delay);
}
