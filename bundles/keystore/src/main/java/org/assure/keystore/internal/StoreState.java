package org.assure.keystore.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.assure.core.model.Bytes;

/**
 * The mutable part of the keystore as one immutable value: imported and generated keys in insertion order, the
 * owner sequence number and the blobs. Every change makes a new value, so readers never see half a change and a
 * transaction discards by dropping its value.
 */
final class StoreState {
    static final StoreState EMPTY = new StoreState(new LinkedHashMap<>(), 0, new TreeMap<>());

    private final Map<UUID, KeyEntry> keys;
    private final long ownerSequence;
    private final Map<String, Bytes> blobs;

    private StoreState(LinkedHashMap<UUID, KeyEntry> keys, long ownerSequence, TreeMap<String, Bytes> blobs) {
        if (ownerSequence < 0) {
            throw new IllegalArgumentException("negative owner sequence");
        }
        this.keys = Collections.unmodifiableMap(keys);
        this.ownerSequence = ownerSequence;
        this.blobs = Collections.unmodifiableMap(blobs);
    }

    static StoreState of(Iterable<KeyEntry> keys, long ownerSequence, Map<String, Bytes> blobs) {
        LinkedHashMap<UUID, KeyEntry> map = new LinkedHashMap<>();
        for (KeyEntry key : keys) {
            if (map.put(key.trusted().keyId(), key) != null) {
                throw new IllegalArgumentException("duplicate key id");
            }
        }
        return new StoreState(map, ownerSequence, new TreeMap<>(blobs));
    }

    /** Imported and generated keys by id, in insertion order. */
    Map<UUID, KeyEntry> keys() {
        return keys;
    }

    long ownerSequence() {
        return ownerSequence;
    }

    /** Blobs by name, sorted. */
    Map<String, Bytes> blobs() {
        return blobs;
    }

    StoreState withKey(KeyEntry key) {
        LinkedHashMap<UUID, KeyEntry> copy = new LinkedHashMap<>(keys);
        copy.put(key.trusted().keyId(), key);
        return new StoreState(copy, ownerSequence, new TreeMap<>(blobs));
    }

    StoreState withoutKey(UUID keyId) {
        LinkedHashMap<UUID, KeyEntry> copy = new LinkedHashMap<>(keys);
        copy.remove(keyId);
        return new StoreState(copy, ownerSequence, new TreeMap<>(blobs));
    }

    StoreState withoutKeys() {
        return new StoreState(new LinkedHashMap<>(), ownerSequence, new TreeMap<>(blobs));
    }

    StoreState withOwnerSequence(long sequence) {
        return new StoreState(new LinkedHashMap<>(keys), sequence, new TreeMap<>(blobs));
    }

    StoreState withBlob(String name, Bytes value) {
        TreeMap<String, Bytes> copy = new TreeMap<>(blobs);
        copy.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return new StoreState(new LinkedHashMap<>(keys), ownerSequence, copy);
    }

    StoreState withoutBlob(String name) {
        TreeMap<String, Bytes> copy = new TreeMap<>(blobs);
        copy.remove(name);
        return new StoreState(new LinkedHashMap<>(keys), ownerSequence, copy);
    }

    /** The part that survives a restart: RAM-only keys dropped. */
    StoreState persistentPart() {
        LinkedHashMap<UUID, KeyEntry> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (key.persistent()) {
                copy.put(id, key);
            }
        });
        return new StoreState(copy, ownerSequence, new TreeMap<>(blobs));
    }

    @Override
    public String toString() {
        return "StoreState[" + keys.size() + " keys, owner sequence " + ownerSequence + ", blobs " + blobs.keySet() + "]";
    }
}
