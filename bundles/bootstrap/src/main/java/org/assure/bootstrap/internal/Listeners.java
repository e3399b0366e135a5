package org.assure.bootstrap.internal;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.assure.bootstrap.BootstrapListener;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.PresenceResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered {@link BootstrapListener}s; a listener that throws is logged and skipped. Thread-safe. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private final CopyOnWriteArrayList<BootstrapListener> listeners = new CopyOnWriteArrayList<>();

    void add(BootstrapListener listener) {
        listeners.addIfAbsent(listener);
    }

    void remove(BootstrapListener listener) {
        listeners.remove(listener);
    }

    void bootstrapFinished(BootstrapOutcome outcome) {
        each(l -> l.bootstrapFinished(outcome));
    }

    void presenceSent(PresenceResult result) {
        each(l -> l.presenceSent(result));
    }

    private void each(Consumer<BootstrapListener> call) {
        for (BootstrapListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Bootstrap listener {} failed", listener.getClass().getName(), e);
            }
        }
    }
}
