package org.assure.channels.internal.api;

import java.util.Arrays;
import java.util.Optional;
import org.assure.channels.ChannelPrivilege;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.model.Bytes;

/**
 * {@code GET /v1/ping} (§10.1.16): 2.05 echoing the payload (and its Content-Format), cut to the configured
 * maximum ("as much of the payload as the device can return"). No privilege needed.
 */
final class PingEndpoint implements Endpoint {
    @Override
    public ManagementMethod method() {
        return ManagementMethod.GET;
    }

    @Override
    public Optional<ChannelPrivilege> privilege() {
        return Optional.empty();
    }

    @Override
    public Outcome handle(Call call) {
        byte[] payload = call.request().payload().toByteArray();
        byte[] echo = payload.length > call.maxPing() ? Arrays.copyOf(payload, call.maxPing()) : payload;
        return Outcome.of(new ManagementResponse(ManagementStatus.CONTENT, call.request().contentFormat(),
                Bytes.of(echo)));
    }
}
