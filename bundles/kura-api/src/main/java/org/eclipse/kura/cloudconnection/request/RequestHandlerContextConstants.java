package org.eclipse.kura.cloudconnection.request;

/**
 * Keys of {@link RequestHandlerContext#getContextProperties()}: the constant's {@code name()} is the key.
 */
public enum RequestHandlerContextConstants {
    /** The account the request belongs to. */
    TENANT_ID,
    /** The client id of the device the request is addressed to. */
    DEVICE_ID,
    /** Identifies the notification publisher of the context. */
    NOTIFICATION_PUBLISHER_PID
}
