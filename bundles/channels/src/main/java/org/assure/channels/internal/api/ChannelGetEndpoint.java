package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.ChannelInfoCodec;

/** {@code GET /v1/channels/<id>} (§10.1.11): 2.05 with configuration and status; 4.04 if absent. */
final class ChannelGetEndpoint implements Endpoint {
    @Override
    public ManagementMethod method() {
        return ManagementMethod.GET;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.of(ChannelPrivilege.CHANNEL_MANAGEMENT);
    }

    @Override
    public Outcome handle(Call call) throws ApiException {
        call.expectNoPayload();
        Optional<ManagedChannel> channel = call.channels().channel(call.channel());
        if (channel.isEmpty()) {
            throw new ApiException(ManagementStatus.NOT_FOUND, StatusMapping.diagnostic(ManagementStatus.NOT_FOUND));
        }
        return Outcome.of(ManagementResponse.cbor(ManagementStatus.CONTENT,
                ChannelInfoCodec.encode(channel.get().info())));
    }
}
