package org.assure.core.trust;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AsymmetricKey;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyDefinition;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SignatureDefinition;

/**
 * A key a device trusts: a trust anchor installed at manufacture (device key, device secret, Trusted Authority
 * or manufacturer key), or an authenticated key that passed validation. Holds the parsed key material so that
 * signature checks do not re-parse DER. {@link #toString()} never shows secrets.
 */
public final class TrustedKey {
    private final UUID keyId;
    private final IdentityClass identityClass;
    private final KeyFormat format;
    private final Optional<KeyDefinition> definition;
    private final Optional<AuthenticatedKey> authenticated;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final SecretBytes secret;

    private TrustedKey(UUID keyId, IdentityClass identityClass, KeyFormat format, Optional<KeyDefinition> definition,
            Optional<AuthenticatedKey> authenticated, PublicKey publicKey, PrivateKey privateKey, SecretBytes secret) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.identityClass = Objects.requireNonNull(identityClass, "identityClass");
        this.format = format;
        this.definition = definition;
        this.authenticated = authenticated;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /**
     * A trust anchor from an EC or RSA key definition (with or without its private part).
     *
     * @throws CryptoException if the key material does not parse or the private key does not match
     */
    public static TrustedKey anchor(AsymmetricKey definition, IdentityClass identityClass) throws CryptoException {
        PublicKey publicKey = Keys.publicKey(definition.format(), definition.publicKey());
        PrivateKey privateKey = parsePrivate(definition, publicKey);
        return new TrustedKey(definition.keyId(), identityClass, definition.format(), Optional.of(definition),
                Optional.empty(), publicKey, privateKey, SecretBytes.EMPTY);
    }

    /** A trust anchor that is a plain shared secret (a shared-secret-only device's device secret). */
    public static TrustedKey secretAnchor(UUID keyId, IdentityClass identityClass, SecretBytes secret) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("shared secrets are at least 16 bytes");
        }
        return new TrustedKey(keyId, identityClass, KeyFormat.DERIVED_SECRET, Optional.empty(), Optional.empty(), null,
                null, secret);
    }

    /**
     * A trust anchor that is a derived secret installed at manufacture, with the secret the device derived for it
     * — e.g. the Trusted Authority key of a shared-secret-only device, derived from its device secret (see
     * docs/PROFILE-ADDITIONS.md).
     */
    public static TrustedKey derivedAnchor(DerivedSecretKey definition, IdentityClass identityClass, SecretBytes secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("a derived anchor needs its secret");
        }
        return new TrustedKey(definition.keyId(), identityClass, KeyFormat.DERIVED_SECRET, Optional.of(definition),
                Optional.empty(), null, null, secret);
    }

    /**
     * A key that passed validation. The caller vouches for it: use {@link AuthenticatedKeyValidator} to get one,
     * or this factory only to reload keys that were validated before (e.g. from a keystore).
     *
     * @param resolvedSecret the derived secret for a derived-secret key the device can derive, else empty
     * @throws CryptoException if EC/RSA key material does not parse or the private key does not match
     */
    public static TrustedKey authenticated(AuthenticatedKey key, SecretBytes resolvedSecret) throws CryptoException {
        KeyDefinition definition = key.key();
        PublicKey publicKey = null;
        PrivateKey privateKey = null;
        if (definition instanceof AsymmetricKey asymmetric) {
            publicKey = Keys.publicKey(asymmetric.format(), asymmetric.publicKey());
            privateKey = parsePrivate(asymmetric, publicKey);
        }
        return new TrustedKey(key.keyId(), key.identityClass(), definition.format(), Optional.of(definition),
                Optional.of(key), publicKey, privateKey, resolvedSecret);
    }

    private static PrivateKey parsePrivate(AsymmetricKey definition, PublicKey publicKey) throws CryptoException {
        if (!definition.hasPrivateKey()) {
            return null;
        }
        PrivateKey privateKey = Keys.privateKey(definition.format(), definition.privateKey());
        if (!Keys.matches(publicKey, privateKey)) {
            throw new CryptoException(org.assure.core.error.ErrorKind.MALFORMED, "private key does not match public key");
        }
        return privateKey;
    }

    public UUID keyId() {
        return keyId;
    }

    public IdentityClass identityClass() {
        return identityClass;
    }

    /** EC, RSA, or {@link KeyFormat#DERIVED_SECRET} for shared and derived secrets. */
    public KeyFormat format() {
        return format;
    }

    /** True for keys installed at manufacture, which need no signature. */
    public boolean isAnchor() {
        return authenticated.isEmpty();
    }

    /** The key definition; empty only for a plain shared-secret anchor. */
    public Optional<KeyDefinition> definition() {
        return definition;
    }

    /** The authenticated key this was validated from; empty for anchors. */
    public Optional<AuthenticatedKey> authenticatedKey() {
        return authenticated;
    }

    /** The signature that authenticated this key; empty for anchors. */
    public Optional<SignatureDefinition> signature() {
        return authenticated.map(AuthenticatedKey::signature);
    }

    public Optional<PublicKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    public Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** The shared or derived secret, when this device knows it. */
    public Optional<SecretBytes> secret() {
        return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    @Override
    public String toString() {
        return "TrustedKey[" + keyId + ", " + identityClass.label() + ", " + format.label()
                + (isAnchor() ? ", anchor" : "") + (privateKey != null || !secret.isEmpty() ? ", private" : "") + "]";
    }
}
