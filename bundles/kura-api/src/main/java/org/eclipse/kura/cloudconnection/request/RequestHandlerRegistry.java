package org.eclipse.kura.cloudconnection.request;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where request handlers register under an application id (Kura's own use ids such as {@code "CONF-V1"}). Kura's
 * cloud connection registers as this service; handlers reference it dynamically and register with every instance.
 */
@ProviderType
public interface RequestHandlerRegistry {

    /** @throws KuraException if the handler cannot be registered */
    void registerRequestHandler(String id, RequestHandler requestHandler) throws KuraException;

    /** @throws KuraException if the handler cannot be unregistered */
    void unregister(String id) throws KuraException;
}
