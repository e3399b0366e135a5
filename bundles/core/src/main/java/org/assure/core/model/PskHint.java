package org.assure.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a DTLS server tells a PSK client about the key to use, draft §8.4, §15.3 and PROFILE §6: carried as
 * base64 text of CBOR in the PSK identity hint. Hints never carry private material: a key definition in a hint is
 * always a derived secret (its secret is concealed in the derivations), because only a derived or shared secret
 * can be a pre-shared key.
 */
public sealed interface PskHint permits PskHint.KeyIdHint, PskHint.KeyDefinitionHint, PskHint.KeyChainHint {
    /** The key whose secret is the pre-shared key. */
    UUID pskKeyId();

    /**
     * The UUID of a key both sides already hold; on the wire a 16-byte byte string.
     *
     * @param keyId the key's UUID
     */
    record KeyIdHint(UUID keyId) implements PskHint {
        public KeyIdHint {
            Objects.requireNonNull(keyId, "keyId");
        }

        @Override
        public UUID pskKeyId() {
            return keyId;
        }
    }

    /**
     * A derived secret the client derives from a reference key it holds; on the wire a key definition (an array
     * whose first item is an integer).
     *
     * @param key the derived secret
     */
    record KeyDefinitionHint(DerivedSecretKey key) implements PskHint {
        public KeyDefinitionHint {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public UUID pskKeyId() {
            return key.keyId();
        }
    }

    /**
     * The bootstrap server's chain (draft §15.3): derived secrets in derivation order, from the one derived from
     * the device key to the bootstrap key, which is the last. Each key after the first derives from an earlier
     * one, so a client can walk the chain in order; on the wire an array of key definitions.
     *
     * @param keys 1..{@link #MAX_KEYS} derived secrets with distinct ids
     */
    record KeyChainHint(List<DerivedSecretKey> keys) implements PskHint {
        /** Longest chain accepted. */
        public static final int MAX_KEYS = 8;

        public KeyChainHint {
            keys = List.copyOf(keys);
            if (keys.isEmpty() || keys.size() > MAX_KEYS) {
                throw new IllegalArgumentException("a key chain hint holds 1.." + MAX_KEYS + " keys");
            }
            Set<UUID> earlier = new HashSet<>();
            for (DerivedSecretKey key : keys) {
                if (!earlier.isEmpty() && key.derivations().stream().noneMatch(d -> earlier.contains(d.referenceKeyId()))) {
                    throw new IllegalArgumentException("key chain out of derivation order");
                }
                if (!earlier.add(key.keyId())) {
                    throw new IllegalArgumentException("key repeated in key chain");
                }
            }
        }

        @Override
        public UUID pskKeyId() {
            return keys.get(keys.size() - 1).keyId();
        }
    }
}
