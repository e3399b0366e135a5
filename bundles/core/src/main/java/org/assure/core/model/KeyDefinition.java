package org.assure.core.model;

import java.util.UUID;

/**
 * A key definition, draft §7.2: an EC or RSA key (public part, private part optional) or a derived shared
 * secret with one or more derivations. On the wire its first item is always content type 1 (key).
 */
public sealed interface KeyDefinition permits AsymmetricKey, DerivedSecretKey {
    /** The key's UUID. */
    UUID keyId();

    KeyFormat format();
}
