package org.assure.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A derived shared secret, draft §7.2 and PROFILE §3: {@code [1, 2, key_id, derivation, derivation, ...]}.
 * Every derivation yields the same secret; a device uses any whose reference key it holds.
 *
 * @param keyId       the key's UUID
 * @param derivations 1..{@link #MAX_DERIVATIONS} derivations, with distinct reference keys
 */
public record DerivedSecretKey(UUID keyId, List<Derivation> derivations) implements KeyDefinition {
    /** Most derivations in one key (docs/PROFILE-ADDITIONS.md §4). */
    public static final int MAX_DERIVATIONS = 16;

    public DerivedSecretKey {
        Objects.requireNonNull(keyId, "keyId");
        derivations = List.copyOf(derivations);
        if (derivations.isEmpty() || derivations.size() > MAX_DERIVATIONS) {
            throw new IllegalArgumentException("a derived secret has 1.." + MAX_DERIVATIONS + " derivations");
        }
        if (derivations.stream().map(Derivation::referenceKeyId).distinct().count() != derivations.size()) {
            throw new IllegalArgumentException("two derivations from the same reference key");
        }
        if (derivations.stream().anyMatch(d -> d.referenceKeyId().equals(keyId))) {
            throw new IllegalArgumentException("a derived secret cannot derive from itself");
        }
    }

    @Override
    public KeyFormat format() {
        return KeyFormat.DERIVED_SECRET;
    }

    /** The derivation that starts from {@code referenceKeyId}, if any. */
    public Optional<Derivation> derivationFrom(UUID referenceKeyId) {
        return derivations.stream().filter(d -> d.referenceKeyId().equals(referenceKeyId)).findFirst();
    }
}
