package org.assure.kura.internal;

import org.assure.keystore.KeyInfo;
import org.eclipse.kura.message.KuraPayload;

/**
 * Writes what the keystore tells about a key as Kura metrics under a prefix (docs/kura-events.md): its id, kind and
 * flags. Never the key definition: not even the public part travels, so a payload can never carry key material
 * (a derived secret's definition holds encrypted secrets).
 */
final class KeyMetrics {
    static final String ID = "id";
    static final String IDENTITY_CLASS = "identity.class";
    static final String IDENTITY_CLASS_CODE = "identity.class.code";
    static final String FORMAT = "format";
    static final String ORIGIN = "origin";
    static final String PERSISTENT = "persistent";
    static final String BOOTSTRAP_DEFINED = "bootstrap.defined";
    static final String PRIVATE_PRESENT = "private.present";
    static final String SECRET_KNOWN = "secret.known";
    static final String OWNER = "owner";

    private KeyMetrics() {
    }

    /** Adds the key's metrics, each named {@code prefix + field}. */
    static void add(KuraPayload payload, String prefix, KeyInfo key) {
        payload.addMetric(prefix + ID, key.keyId().toString());
        payload.addMetric(prefix + IDENTITY_CLASS, key.identityClass().name());
        payload.addMetric(prefix + IDENTITY_CLASS_CODE, key.identityClass().code());
        payload.addMetric(prefix + FORMAT, key.format().name());
        payload.addMetric(prefix + ORIGIN, key.origin().name());
        payload.addMetric(prefix + PERSISTENT, key.persistent());
        payload.addMetric(prefix + BOOTSTRAP_DEFINED, key.bootstrapDefined());
        payload.addMetric(prefix + PRIVATE_PRESENT, key.privatePartPresent());
        payload.addMetric(prefix + SECRET_KNOWN, key.secretKnown());
        key.owner().ifPresent(owner -> payload.addMetric(prefix + OWNER, owner.toString()));
    }
}
