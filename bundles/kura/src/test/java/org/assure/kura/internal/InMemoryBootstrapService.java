package org.assure.kura.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assure.bootstrap.BootstrapListener;
import org.assure.bootstrap.BootstrapOutcome;
import org.assure.bootstrap.BootstrapService;
import org.assure.bootstrap.BootstrapStatus;
import org.assure.bootstrap.PresenceResult;
import org.assure.core.model.GoodbyeReason;

/**
 * A small {@link BootstrapService} for tests (the real client is internal to the bootstrap bundle): records
 * {@link #bootstrapNow} calls, reports a settable status, and delivers outcomes and presence results to its
 * listeners as the client would.
 */
final class InMemoryBootstrapService implements BootstrapService {
    final List<GoodbyeReason> requested = new CopyOnWriteArrayList<>();
    private final List<BootstrapListener> listeners = new CopyOnWriteArrayList<>();
    volatile BootstrapStatus status = BootstrapStatus.initial();

    @Override
    public BootstrapStatus status() {
        return status;
    }

    @Override
    public void bootstrapNow(GoodbyeReason reason) {
        requested.add(reason);
    }

    @Override
    public void addListener(BootstrapListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(BootstrapListener listener) {
        listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    void finish(BootstrapOutcome outcome) {
        listeners.forEach(l -> l.bootstrapFinished(outcome));
    }

    void presence(PresenceResult result) {
        listeners.forEach(l -> l.presenceSent(result));
    }
}
