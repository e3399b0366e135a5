package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.KeyListCodec;

/** {@code GET /v1/keys} (draft §10.1.5): 2.05 with the key list, private parts shown only as {@code PRESENT}. */
final class KeyListEndpoint implements Endpoint {
    @Override
    public ManagementMethod method() {
        return ManagementMethod.GET;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.KEY_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException {
        call.expectNoPayload();
        return Outcome.of(ManagementResponse.cbor(ManagementStatus.CONTENT,
                KeyListCodec.encode(call.keys().keyList())));
    }
}
