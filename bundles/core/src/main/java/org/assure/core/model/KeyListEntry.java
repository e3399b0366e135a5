package org.assure.core.model;

import java.util.Objects;

/**
 * One entry of the key list a device returns for {@code GET /v1/keys}, draft §10.1.5: an authenticated key
 * whose private part is never disclosed. On the wire the {@code private_key} byte string is the ASCII text
 * {@code PRESENT} when the device holds the private key, empty otherwise.
 *
 * @param key               the authenticated key in its public form (no private part)
 * @param privateKeyPresent whether the device holds the private key; only for EC and RSA keys
 */
public record KeyListEntry(AuthenticatedKey key, boolean privateKeyPresent) {
    public KeyListEntry {
        Objects.requireNonNull(key, "key");
        if (key.key() instanceof AsymmetricKey asymmetric) {
            if (asymmetric.hasPrivateKey()) {
                throw new IllegalArgumentException("a key list entry never carries a private key");
            }
        } else if (privateKeyPresent) {
            throw new IllegalArgumentException("only EC and RSA keys have a private part");
        }
    }

    /** The entry for a stored key: the private part, if any, becomes the "present" flag. */
    public static KeyListEntry of(AuthenticatedKey stored) {
        if (stored.key() instanceof AsymmetricKey asymmetric) {
            AuthenticatedKey listed = new AuthenticatedKey(stored.identityClass(), asymmetric.publicOnly(),
                    stored.metadata(), stored.signature());
            return new KeyListEntry(listed, asymmetric.hasPrivateKey());
        }
        return new KeyListEntry(stored, false);
    }
}
