package org.assure.cli.internal;

import java.util.concurrent.CountDownLatch;

/**
 * How a long-running command ({@code assure authority start}) learns that it should stop: in the tool, never
 * (Ctrl-C ends the JVM, and a shutdown hook closes the servers); in tests, when the test says so.
 */
interface Lifecycle {
    /** Called once the servers answer, after the endpoints were printed and the authority info written. */
    void started();

    /** Blocks until the command should stop. */
    void awaitStop() throws InterruptedException;

    /** Runs until the JVM ends. */
    static Lifecycle untilExit() {
        CountDownLatch never = new CountDownLatch(1);
        return new Lifecycle() {
            @Override
            public void started() {
                // nothing to tell
            }

            @Override
            public void awaitStop() throws InterruptedException {
                never.await();
            }
        };
    }
}
