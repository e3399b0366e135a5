package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.ChannelInfoCodec;

/** {@code GET /v1/channels} (§10.1.12): 2.05 with every channel's configuration and status. */
final class ChannelListEndpoint implements Endpoint {
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
        return Outcome.of(ManagementResponse.cbor(ManagementStatus.CONTENT,
                ChannelInfoCodec.encodeList(call.channels().channels().stream().map(ManagedChannel::info).toList())));
    }
}
