package org.eclipse.kura.cloudconnection.request;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.eclipse.kura.cloudconnection.publisher.CloudNotificationPublisher;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a cloud connection tells a {@link RequestHandler} about a request besides the message: a publisher for
 * notifications and properties keyed by the names of {@link RequestHandlerContextConstants}.
 */
@ProviderType
public class RequestHandlerContext {

    private final CloudNotificationPublisher notificationPublisher;
    private final Map<String, String> contextProperties;

    /**
     * @param notificationPublisher the publisher for notifications, as given
     * @param contextProperties copied; later changes to the given map do not affect the context
     * @throws NullPointerException if {@code contextProperties} is null
     */
    public RequestHandlerContext(CloudNotificationPublisher notificationPublisher,
            Map<String, String> contextProperties) {
        this.notificationPublisher = notificationPublisher;
        this.contextProperties = new HashMap<>(Objects.requireNonNull(contextProperties, "contextProperties"));
    }

    /** @return the publisher given at construction */
    public CloudNotificationPublisher getNotificationPublisher() {
        return this.notificationPublisher;
    }

    /** @return an unmodifiable view of the context properties */
    public Map<String, String> getContextProperties() {
        return Collections.unmodifiableMap(this.contextProperties);
    }
}
