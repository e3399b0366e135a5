package org.assure.dtls.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops what an established DTLS 1.2 session never reads again from BouncyCastle's security parameters: hello
 * randoms, PSK identity, Finished verify data, channel bindings and certificates are needed only during the
 * handshake, for key exporters (not offered) and for renegotiation (refused); the record layer keeps its own
 * keys. BouncyCastle clears the secrets itself but not these (about 250 bytes, up to a few hundred more with raw
 * public keys), which every idle session would hold. The fields are package-private, hence reflection; if a
 * later BouncyCastle renames them, nothing is trimmed (logged once) and nothing else changes.
 */
final class SessionTrim {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTrim.class);
    private static final String[] NAMES = {"clientRandom", "serverRandom", "pskIdentity", "srpIdentity",
        "tlsServerEndPoint", "tlsUnique", "localVerifyData", "peerVerifyData", "localCertificate",
        "peerCertificate"};
    private static final List<Field> FIELDS;

    static {
        List<Field> fields = new ArrayList<>();
        try {
            for (String name : NAMES) {
                Field field = SecurityParameters.class.getDeclaredField(name);
                field.setAccessible(true);
                fields.add(field);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("BouncyCastle's security parameters are not reachable; idle sessions keep them: {}", e.toString());
            fields.clear();
        }
        FIELDS = List.copyOf(fields);
    }

    private SessionTrim() {
    }

    /** Trims {@code context}'s connection parameters once its handshake completed. */
    static void afterHandshake(TlsContext context) {
        if (context == null || FIELDS.isEmpty()) {
            return;
        }
        SecurityParameters parameters = context.getSecurityParametersConnection();
        if (parameters == null) {
            return;
        }
        try {
            for (Field field : FIELDS) {
                field.set(parameters, null);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.debug("security parameters not trimmed: {}", e.toString());
        }
    }
}
