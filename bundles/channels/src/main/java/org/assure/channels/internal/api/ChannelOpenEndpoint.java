package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.error.AssureException;

/**
 * {@code PUT /v1/channels/<id>/open} (§10.1.8) and {@code .../close} (§10.1.9): 2.04 means "will try"; the state
 * shows progress. 4.04 if the channel does not exist.
 */
final class ChannelOpenEndpoint implements Endpoint {
    private final boolean open;

    ChannelOpenEndpoint(boolean open) {
        this.open = open;
    }

    @Override
    public ManagementMethod method() {
        return ManagementMethod.PUT;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.CHANNEL_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException, AssureException {
        call.expectNoPayload();
        if (open) {
            call.channels().open(call.channel());
        } else {
            call.channels().close(call.channel());
        }
        return Outcome.of(ManagementResponse.of(ManagementStatus.CHANGED));
    }
}
