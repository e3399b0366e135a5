package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.AuthenticatedKeyCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.error.AssureException;
import org.assure.core.model.AuthenticatedKey;
import org.assure.keystore.ImportOutcome;

/** {@code PUT /v1/keys/<uuid>} (draft §10.1.1): 2.01 created, 2.04 already present, 4.13 full. */
final class KeyPutEndpoint implements Endpoint {
    @Override
    public ManagementMethod method() {
        return ManagementMethod.PUT;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.KEY_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException, AssureException {
        AuthenticatedKey key;
        try {
            key = AuthenticatedKeyCodec.decode(call.cborPayload());
        } catch (CborDecodeException | IllegalArgumentException e) {
            throw ApiException.badRequest();
        }
        if (!key.key().keyId().equals(call.key())) {
            throw ApiException.badRequest(); // the path names another key than the payload
        }
        ImportOutcome outcome = call.keys().importKey(key);
        return Outcome.of(ManagementResponse.of(outcome == ImportOutcome.CREATED ? ManagementStatus.CREATED
                : ManagementStatus.CHANGED));
    }
}
