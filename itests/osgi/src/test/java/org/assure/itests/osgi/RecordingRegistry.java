package org.assure.itests.osgi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.request.RequestHandler;
import org.eclipse.kura.cloudconnection.request.RequestHandlerRegistry;

/**
 * A Kura {@link RequestHandlerRegistry} (what each Kura cloud connection is) registered by the test: it keeps the
 * handlers by application id and refuses a second handler for an id, as Kura's does.
 */
final class RecordingRegistry implements RequestHandlerRegistry {
    final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void registerRequestHandler(String id, RequestHandler handler) throws KuraException {
        if (handlers.putIfAbsent(id, handler) != null) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, "already registered: " + id);
        }
        events.add("register " + id);
    }

    @Override
    public void unregister(String id) {
        handlers.remove(id);
        events.add("unregister " + id);
    }
}
