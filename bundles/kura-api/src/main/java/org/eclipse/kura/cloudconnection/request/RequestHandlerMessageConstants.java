package org.eclipse.kura.cloudconnection.request;

/** Names of properties a cloud connection puts into a request's {@code KuraMessage}. */
public enum RequestHandlerMessageConstants {
    /** The request's resource path after the verb, as a {@code List<String>}. */
    ARGS_KEY("args");

    private final String value;

    RequestHandlerMessageConstants(String value) {
        this.value = value;
    }

    /** @return the property name */
    public String value() {
        return this.value;
    }
}
