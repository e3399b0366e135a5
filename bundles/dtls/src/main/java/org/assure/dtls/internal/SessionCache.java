package org.assure.dtls.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded, expiring cache (least recently used entries go first) for session resumption. Thread-safe.
 *
 * @param <K> key: session id on a server, peer on a client
 * @param <V> the cached session
 */
final class SessionCache<K, V> {
    private final int capacity;
    private final Duration expiry;
    private final Clock clock;
    private final LinkedHashMap<K, Timed<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

    private record Timed<V>(V value, Instant expires) {
    }

    SessionCache(int capacity, Duration expiry, Clock clock) {
        this.capacity = capacity;
        this.expiry = expiry;
        this.clock = clock;
    }

    boolean enabled() {
        return capacity > 0;
    }

    synchronized void put(K key, V value) {
        if (capacity == 0) {
            return;
        }
        entries.put(key, new Timed<>(value, clock.instant().plus(expiry)));
        Iterator<Map.Entry<K, Timed<V>>> eldest = entries.entrySet().iterator();
        while (entries.size() > capacity && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    synchronized Optional<V> get(K key) {
        Timed<V> timed = entries.get(key);
        if (timed == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(timed.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(timed.value());
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }

    /** Drops expired entries. */
    synchronized void purge() {
        Instant now = clock.instant();
        entries.values().removeIf(timed -> !now.isBefore(timed.expires()));
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
