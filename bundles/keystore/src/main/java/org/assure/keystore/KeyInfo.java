package org.assure.keystore;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.KeyListEntry;
import org.assure.core.model.KeyMetadata;

/**
 * What the keystore tells about one key, with every private part masked: {@link #definition()} and
 * {@link #authenticated()} are in public form (EC/RSA {@code private_key} empty); whether the device holds the
 * private part or secret is a flag, which becomes {@code PRESENT} in a key list (docs/PROFILE-ADDITIONS.md item 5).
 *
 * @param keyId              the key's UUID
 * @param identityClass      the key's identity class (anchors: Device or Trusted Authority)
 * @param format             EC, RSA, or {@link KeyFormat#DERIVED_SECRET} for shared and derived secrets
 * @param origin             anchor, imported or generated
 * @param persistent         false for RAM-only keys (draft §10.1.2), gone after a restart
 * @param bootstrapDefined   defined by a bootstrap image: cannot be deleted through the API (PROFILE §5)
 * @param privatePartPresent the device holds the EC/RSA private key
 * @param secretKnown        the device knows the shared or derived secret
 * @param definition         the key definition in public form; empty only for a plain shared-secret anchor
 * @param authenticated      the authenticated key in public form; empty for trust anchors
 */
public record KeyInfo(UUID keyId, IdentityClass identityClass, KeyFormat format, KeyOrigin origin, boolean persistent,
        boolean bootstrapDefined, boolean privatePartPresent, boolean secretKnown, Optional<KeyDefinition> definition,
        Optional<AuthenticatedKey> authenticated) {
    public KeyInfo {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(identityClass, "identityClass");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(authenticated, "authenticated");
        if (definition.isPresent() && (!definition.get().keyId().equals(keyId) || definition.get().format() != format)) {
            throw new IllegalArgumentException("definition is for another key or format");
        }
        if (definition.isPresent() && definition.get() instanceof AsymmetricKey a && a.hasPrivateKey()) {
            throw new IllegalArgumentException("key info never carries a private key");
        }
        if ((origin == KeyOrigin.TRUST_ANCHOR) != authenticated.isEmpty()) {
            throw new IllegalArgumentException("authenticated key present exactly for non-anchors");
        }
        if (authenticated.isPresent()) {
            AuthenticatedKey key = authenticated.get();
            if (!definition.equals(Optional.of(key.key())) || key.identityClass() != identityClass) {
                throw new IllegalArgumentException("authenticated key does not match the key info");
            }
        }
        if (privatePartPresent && format == KeyFormat.DERIVED_SECRET) {
            throw new IllegalArgumentException("only EC and RSA keys have a private part");
        }
        if (secretKnown && format != KeyFormat.DERIVED_SECRET) {
            throw new IllegalArgumentException("only shared and derived secrets have a secret");
        }
        if (bootstrapDefined && origin == KeyOrigin.TRUST_ANCHOR) {
            throw new IllegalArgumentException("trust anchors are not bootstrap-defined");
        }
        if (!persistent && origin != KeyOrigin.GENERATED) {
            throw new IllegalArgumentException("only generated keys can be RAM-only");
        }
    }

    /** The device owning the key, from the authenticated key's metadata (draft §7.10). */
    public Optional<UUID> owner() {
        return authenticated.map(AuthenticatedKey::metadata).flatMap(KeyMetadata::owningDevice);
    }

    /** The {@code GET /v1/keys} entry for this key (draft §10.1.5); empty for trust anchors. */
    public Optional<KeyListEntry> listEntry() {
        return authenticated.map(key -> new KeyListEntry(key, privatePartPresent));
    }

    /** Whether this device can use the key on its side of a channel (private key or secret held). */
    public boolean usableLocally() {
        return privatePartPresent || secretKnown;
    }
}
