package org.assure.authority.internal.mgmt;

import java.security.KeyPair;
import java.util.Objects;
import java.util.UUID;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.model.EcKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.trust.TrustedKey;

/**
 * The management system's own EC key (the one its Owner API certificate certifies) with its aSSURE key id (the
 * certificate's subject key identifier). {@link #toString()} shows only the id.
 */
public final class ManagementKey {
    private final UUID keyId;
    private final KeyPair pair;

    public ManagementKey(UUID keyId, KeyPair pair) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.pair = Objects.requireNonNull(pair, "pair");
    }

    public UUID keyId() {
        return keyId;
    }

    public KeyPair pair() {
        return pair;
    }

    /** This key as a trusted key holding its private part, to resolve secrets derived for it. */
    public TrustedKey asTrustedKey() throws CryptoException {
        return TrustedKey.anchor(new EcKey(keyId, Keys.encodePublic(pair.getPublic()), Keys.encodePrivate(pair.getPrivate())),
                IdentityClass.MANAGEMENT_SYSTEM);
    }

    @Override
    public String toString() {
        return "ManagementKey[" + keyId + "]";
    }
}
