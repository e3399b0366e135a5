package org.assure.runtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assure.channels.GoodbyeHook;
import org.assure.core.model.GoodbyeReason;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM (or Ctrl-C) ends the JVM through its shutdown hooks only; the launcher has none that stops the framework.
 * This hook says goodbye on the management channels (draft §10.1.15, reason "shutting down"), stops the framework so
 * every component deactivates in order, and prints {@code ASSURE-GATEWAY STOPPED}.
 */
final class CleanStop {
    private static final Logger LOG = LoggerFactory.getLogger(CleanStop.class);
    static final Duration GOODBYE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Thread hook;

    private CleanStop(Thread hook) {
        this.hook = hook;
    }

    static CleanStop install(BundleContext context) {
        Bundle system = context.getBundle(0);
        Thread hook = new Thread(() -> run(context, system), "assure-gateway-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return new CleanStop(hook);
    }

    private static void run(BundleContext context, Bundle system) {
        LOG.info("Stopping: goodbye to the management systems, then the framework");
        try {
            goodbye(context);
        } catch (IllegalStateException e) {
            // the bundle is already stopping: the framework is on its way down anyway
        }
        try {
            system.stop();
            if (system instanceof Framework framework) {
                framework.waitForStop(STOP_TIMEOUT.toMillis());
            }
        } catch (BundleException e) {
            LOG.warn("Stopping the framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StartupReport.stopped();
    }

    private static void goodbye(BundleContext context) {
        List<ServiceReference<GoodbyeHook>> references;
        try {
            references = new ArrayList<>(context.getServiceReferences(GoodbyeHook.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<GoodbyeHook> reference : references) {
            GoodbyeHook hook = context.getService(reference);
            if (hook != null) {
                try {
                    hook.goodbye(GoodbyeReason.SHUTTING_DOWN, GOODBYE_TIMEOUT);
                } finally {
                    context.ungetService(reference);
                }
            }
        }
    }

    /** Removes the hook when the framework stops for another reason (the hook's own stop included). */
    void uninstall() {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or about to
        }
    }
}
