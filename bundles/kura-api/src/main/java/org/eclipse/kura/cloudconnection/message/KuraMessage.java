package org.eclipse.kura.cloudconnection.message;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.eclipse.kura.message.KuraPayload;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A payload together with properties that steer its handling, for example the values a publisher substitutes for
 * {@code $name} placeholders in its topic, or the {@code "args"} of a request.
 */
@ProviderType
public class KuraMessage {

    private final KuraPayload payload;
    private final Map<String, Object> properties;

    /**
     * A message without properties.
     *
     * @throws NullPointerException if {@code payload} is null
     */
    public KuraMessage(KuraPayload payload) {
        this(payload, new HashMap<>());
    }

    /**
     * @param payload the payload, not copied
     * @param properties copied; later changes to the given map do not affect the message
     * @throws NullPointerException if {@code payload} or {@code properties} is null
     */
    public KuraMessage(KuraPayload payload, Map<String, Object> properties) {
        this.payload = Objects.requireNonNull(payload, "payload");
        this.properties = new HashMap<>(Objects.requireNonNull(properties, "properties"));
    }

    /** @return the message's own property map; changes to it change the message */
    public Map<String, Object> getProperties() {
        return this.properties;
    }

    /** @return the payload */
    public KuraPayload getPayload() {
        return this.payload;
    }
}
