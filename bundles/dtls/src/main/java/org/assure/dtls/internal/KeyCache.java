package org.assure.dtls.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine derives once from a key object (its kind, a private scalar, BouncyCastle parameters), keyed by
 * the object's identity: credentials hand the same key objects to handshake after handshake, and the JCA keys'
 * own {@code hashCode} is no cheap lookup (BouncyCastle's EC keys convert their curve on every call). A key object
 * seen for the first time is derived afresh; at most {@value #MAX_ENTRIES} entries, all dropped when full.
 * Thread-safe.
 *
 * @param <K> the key object's type
 * @param <V> what is derived from it
 */
final class KeyCache<K, V> {
    static final int MAX_ENTRIES = 256;

    /** Derives the cached value; may throw, and then nothing is cached. */
    @FunctionalInterface
    interface Derivation<K, V, E extends Exception> {
        V derive(K key) throws E;
    }

    private static final class Identity {
        private final Object key;

        Identity(Object key) {
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }

    private final ConcurrentHashMap<Identity, V> entries = new ConcurrentHashMap<>();

    <E extends Exception> V get(K key, Derivation<K, V, E> derivation) throws E {
        Identity identity = new Identity(key);
        V value = entries.get(identity);
        if (value == null) {
            value = derivation.derive(key);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(identity, value);
        }
        return value;
    }

    int size() {
        return entries.size();
    }
}
