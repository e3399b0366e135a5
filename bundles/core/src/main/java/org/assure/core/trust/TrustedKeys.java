package org.assure.core.trust;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A lookup of trusted keys by UUID: a keystore, or a view over one plus keys being imported. */
@FunctionalInterface
public interface TrustedKeys {
    Optional<TrustedKey> find(UUID keyId);

    /** An immutable set of keys; later entries with the same id replace earlier ones. */
    static TrustedKeys of(Collection<TrustedKey> keys) {
        Map<UUID, TrustedKey> map = new LinkedHashMap<>();
        for (TrustedKey key : keys) {
            map.put(key.keyId(), key);
        }
        Map<UUID, TrustedKey> copy = Map.copyOf(map);
        return id -> Optional.ofNullable(copy.get(id));
    }

    /** This lookup, with {@code overlay} consulted first. */
    default TrustedKeys with(TrustedKeys overlay) {
        return id -> {
            Optional<TrustedKey> found = overlay.find(id);
            return found.isPresent() ? found : find(id);
        };
    }
}
