package org.assure.runtime.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;

/**
 * Tells when the configuration admin has delivered the event of the last configuration the seeder wrote. Its events
 * go out one after the other on one thread, each to every listener, so by then the components have received every
 * earlier seeded configuration too (SCR restarts a component whose configuration arrives again).
 */
final class SeedingEvents implements ConfigurationListener {
    private final String lastPid;
    private final AtomicBoolean delivered = new AtomicBoolean();
    private ServiceRegistration<ConfigurationListener> registration;

    private SeedingEvents(String lastPid) {
        this.lastPid = lastPid;
    }

    static SeedingEvents register(BundleContext context, String lastPid) {
        SeedingEvents events = new SeedingEvents(lastPid);
        events.registration = context.registerService(ConfigurationListener.class, events, null);
        return events;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() == ConfigurationEvent.CM_UPDATED && lastPid.equals(event.getPid())) {
            delivered.set(true);
        }
    }

    boolean lastDelivered() {
        return delivered.get();
    }

    void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }
}
