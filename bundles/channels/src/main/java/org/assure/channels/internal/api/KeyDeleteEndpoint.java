package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.error.AssureException;

/**
 * {@code DELETE /v1/keys/<uuid>} (draft §10.1.4): 2.02 deleted or absent; 4.03 if a channel or another key uses
 * it, or it came from the bootstrap or is a trust anchor.
 */
final class KeyDeleteEndpoint implements Endpoint {
    @Override
    public ManagementMethod method() {
        return ManagementMethod.DELETE;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.KEY_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException, AssureException {
        call.expectNoPayload();
        if (call.manager().usesKey(call.key())) {
            throw new ApiException(ManagementStatus.FORBIDDEN, "key in use");
        }
        call.keys().deleteKey(call.key());
        return Outcome.of(ManagementResponse.of(ManagementStatus.DELETED));
    }
}
