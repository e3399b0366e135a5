package org.assure.channels.internal;

/** Lets tests in sub-packages use the package-private test doubles of this package. */
public final class ManualSchedulerAccess {
    private ManualSchedulerAccess() {
    }

    public static Scheduler create() {
        return new ManualScheduler();
    }

    public static ChannelConnector connector() {
        return new ScriptedConnector();
    }

    /** Runs what is due on a scheduler made by {@link #create()}. */
    public static void advance(Scheduler scheduler, java.time.Duration by) {
        ((ManualScheduler) scheduler).advance(by);
    }
}
