package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.DeleteOutcome;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.error.AssureException;

/**
 * {@code DELETE /v1/channels/<id>} (§10.1.10): 2.02 deleted or absent; 2.04 open, so closed first then deleted;
 * 4.03 defined by the bootstrap.
 */
final class ChannelDeleteEndpoint implements Endpoint {
    @Override
    public ManagementMethod method() {
        return ManagementMethod.DELETE;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.CHANNEL_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException, AssureException {
        call.expectNoPayload();
        DeleteOutcome outcome = call.channels().delete(call.channel());
        return Outcome.of(ManagementResponse.of(outcome == DeleteOutcome.DELETED ? ManagementStatus.DELETED
                : ManagementStatus.CHANGED));
    }
}
