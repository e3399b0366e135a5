package org.assure.channels.internal.api;

import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.cbor.DeviceInfoCodec;

/** {@code GET /v1/info} (§10.1.17, PROFILE §8): 2.05 with the device information. No privilege needed. */
final class InfoEndpoint implements Endpoint {
    @Override
    public ManagementMethod method() {
        return ManagementMethod.GET;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.empty();
    }

    @Override
    public Outcome handle(Call call) throws ApiException {
        call.expectNoPayload();
        return Outcome.of(ManagementResponse.cbor(ManagementStatus.CONTENT,
                DeviceInfoCodec.encode(call.system().deviceInfo())));
    }
}
