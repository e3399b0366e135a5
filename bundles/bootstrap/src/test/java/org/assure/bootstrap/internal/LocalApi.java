package org.assure.bootstrap.internal;

import java.util.List;
import org.assure.channels.ChannelStaging;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.ChannelConfigurationCodec;
import org.assure.core.error.AssureException;
import org.assure.core.model.AuthenticatedKey;
import org.assure.keystore.ImportOutcome;
import org.assure.keystore.KeystoreTransaction;

/**
 * The two Device Management API endpoints the test images use — {@code PUT /v1/keys/<uuid>} (§10.1.1) and
 * {@code PUT /v1/channels} (§10.1.6) — with the draft's response codes, into the bootstrap's transaction and
 * staging. The channels bundle's implementation of the whole API is internal to it (see the report).
 */
final class LocalApi implements ReplayTarget {
    static final int CREATED = 0x41;
    static final int CHANGED = 0x44;
    static final int BAD_REQUEST = 0x80;
    static final int FORBIDDEN = 0x83;
    static final int NOT_FOUND = 0x84;
    static final int CONFLICT = 0x89;

    @Override
    public int replay(ReplayRequest request, KeystoreTransaction keys, ChannelStaging channels) {
        List<String> path = request.path();
        try {
            if (request.method() == 3 && path.size() == 3 && path.get(0).equals("v1") && path.get(1).equals("keys")) {
                AuthenticatedKey key = AuthenticatedKeyCodec.decode(request.payload().toByteArray());
                if (!key.keyId().toString().equals(path.get(2))) {
                    return BAD_REQUEST;
                }
                return keys.importKey(key) == ImportOutcome.CREATED ? CREATED : CHANGED;
            }
            if (request.method() == 3 && path.equals(List.of("v1", "channels"))) {
                channels.create(ChannelConfigurationCodec.decode(request.payload().toByteArray()));
                return CREATED;
            }
            return NOT_FOUND;
        } catch (CborDecodeException e) {
            return BAD_REQUEST;
        } catch (AssureException e) {
            return switch (e.kind()) {
                case CONFLICT -> CONFLICT;
                case MALFORMED -> BAD_REQUEST;
                default -> FORBIDDEN;
            };
        }
    }
}
