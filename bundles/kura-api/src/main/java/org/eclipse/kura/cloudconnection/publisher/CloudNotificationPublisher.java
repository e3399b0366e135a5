package org.eclipse.kura.cloudconnection.publisher;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The publisher a request handler can use for notifications, handed to it in the request's
 * {@code RequestHandlerContext}. It adds nothing to {@link CloudPublisher}.
 */
@ProviderType
public interface CloudNotificationPublisher extends CloudPublisher {
}
