package org.assure.keystore.internal;

import java.util.Objects;
import java.util.Optional;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyFormat;
import org.assure.core.trust.TrustedKey;
import org.assure.keystore.KeyInfo;
import org.assure.keystore.KeyOrigin;

/**
 * One stored key: the trusted key with its material, how it came in, whether it survives a restart and whether
 * bootstrap defined it. Immutable. {@code toString} shows no key material.
 */
record KeyEntry(TrustedKey trusted, KeyOrigin origin, boolean persistent, boolean bootstrapDefined) {
    KeyEntry {
        Objects.requireNonNull(trusted, "trusted");
        Objects.requireNonNull(origin, "origin");
        if ((origin == KeyOrigin.TRUST_ANCHOR) != trusted.isAnchor()) {
            throw new IllegalArgumentException("origin does not match the trusted key");
        }
    }

    static KeyEntry anchor(TrustedKey key) {
        return new KeyEntry(key, KeyOrigin.TRUST_ANCHOR, true, false);
    }

    /** The authenticated key as stored, private part included; empty for anchors. */
    Optional<AuthenticatedKey> stored() {
        return trusted.authenticatedKey();
    }

    /** The masked view for API callers. */
    KeyInfo info() {
        Optional<KeyDefinition> definition = trusted.definition().map(KeyDefinitionCodec::publicForm);
        Optional<AuthenticatedKey> authenticated = trusted.authenticatedKey()
                .map(k -> new AuthenticatedKey(k.identityClass(), KeyDefinitionCodec.publicForm(k.key()), k.metadata(),
                        k.signature()));
        return new KeyInfo(trusted.keyId(), trusted.identityClass(), trusted.format(), origin, persistent,
                bootstrapDefined, trusted.privateKey().isPresent(),
                trusted.format() == KeyFormat.DERIVED_SECRET && trusted.secret().isPresent(), definition, authenticated);
    }

    @Override
    public String toString() {
        return "KeyEntry[" + trusted + ", " + origin + (persistent ? "" : ", RAM-only")
                + (bootstrapDefined ? ", bootstrap" : "") + "]";
    }
}
