package org.eclipse.kura.message;

import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The payload of a Kura message: an optional timestamp and position, named metrics and an optional binary body.
 * <p>
 * Kura's MQTT encoder accepts metric values of type {@code String}, {@code Double}, {@code Integer}, {@code Float},
 * {@code Long}, {@code Boolean} and {@code byte[]}; this class itself does not restrict them. This stand-in keeps
 * metrics in insertion order, rejects null names and values, and copies the body, the timestamp and the position's
 * timestamp in and out, so callers never share those mutable objects with it.
 */
@ProviderType
public class KuraPayload {

    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private Date timestamp;
    private KuraPosition position;
    private byte[] body;

    /** An empty payload: no timestamp, position, metrics or body. */
    public KuraPayload() {
    }

    /** @return a copy of the timestamp, or null if none is set */
    public Date getTimestamp() {
        return copy(this.timestamp);
    }

    /** @param timestamp the time the payload describes; null clears it */
    public void setTimestamp(Date timestamp) {
        this.timestamp = copy(timestamp);
    }

    /** @return the position, or null if none is set */
    public KuraPosition getPosition() {
        return this.position;
    }

    /** @param position where the payload was produced; null clears it */
    public void setPosition(KuraPosition position) {
        this.position = position;
    }

    /** @return the value of the metric {@code name}, or null if there is none */
    public Object getMetric(String name) {
        return this.metrics.get(name);
    }

    /**
     * Adds the metric {@code name}, replacing any earlier value.
     *
     * @throws NullPointerException if {@code name} or {@code value} is null
     */
    public void addMetric(String name, Object value) {
        this.metrics.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    /** Removes the metric {@code name}; does nothing if there is none. */
    public void removeMetric(String name) {
        this.metrics.remove(name);
    }

    /** Removes every metric. */
    public void removeAllMetrics() {
        this.metrics.clear();
    }

    /** @return an unmodifiable view of the metric names */
    public Set<String> metricNames() {
        return Collections.unmodifiableSet(this.metrics.keySet());
    }

    /** @return an iterator over the metric names that does not support removal */
    public Iterator<String> metricsIterator() {
        return metricNames().iterator();
    }

    /** @return an unmodifiable view of the metrics by name */
    public Map<String, Object> metrics() {
        return Collections.unmodifiableMap(this.metrics);
    }

    /** @return a copy of the body, or null if none is set */
    public byte[] getBody() {
        return this.body == null ? null : this.body.clone();
    }

    /** @param body the binary content; copied, null clears it */
    public void setBody(byte[] body) {
        this.body = body == null ? null : body.clone();
    }

    static Date copy(Date date) {
        return date == null ? null : new Date(date.getTime());
    }
}
