package org.assure.bootstrap.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.assure.bootstrap.ManagementChannelClient;
import org.assure.channels.ChannelManager;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;

/**
 * {@link ManagementChannelClient} over the channel manager's own {@link ChannelManager#send}: the request goes over
 * the channel's DTLS session. Used unless another implementation is registered as a service.
 */
final class ChannelManagerClient implements ManagementChannelClient {
    private final ChannelManager channels;

    ChannelManagerClient(ChannelManager channels) {
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    @Override
    public CompletionStage<Response> send(long channelId, Request request) {
        ManagementMethod method = request.method() == Method.GET ? ManagementMethod.GET : ManagementMethod.PUT;
        return channels.send(channelId, new ManagementRequest(method, request.path(), List.of(),
                request.contentFormat(), request.payload()))
                .thenApply(response -> new Response(response.status().code(), response.payload()));
    }
}
