package org.assure.channels.internal.coap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.assure.channels.ChannelManager;
import org.assure.channels.ManagedChannel;
import org.assure.channels.ManagementContext;
import org.assure.channels.ManagementMethod;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.channels.internal.api.ManagementApi;
import org.assure.channels.internal.api.Outcome;
import org.assure.core.model.Bytes;
import org.assure.dtls.coap.AssurePeerPrincipal;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * The CoAP face of the Device Management API: the {@code v1} resource and everything below it. Routing, privilege
 * checks and codes live in {@link ManagementApi} (one class per endpoint there), so this adapter only translates:
 * the requesting channel comes from the DTLS session's {@link AssurePeerPrincipal} (its channel tag, set by
 * {@link DtlsChannels}); a request that did not arrive on a defined channel gets 4.01.
 */
final class ManagementResource extends CoapResource {
    private final ManagementApi api;
    private final ChannelManager manager;
    ManagementResource(ManagementApi api, ChannelManager manager) {
        super("v1");
        this.api = Objects.requireNonNull(api, "api");
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    /** Every path below {@code /v1} is handled here; {@link ManagementApi} answers 4.04 for unknown ones. */
    @Override
    public Resource getChild(String name) {
        return this;
    }

    @Override
    public void handleRequest(Exchange exchange) {
        Request request = exchange.getRequest();
        Optional<ManagedChannel> channel = channelOf(request);
        if (channel.isEmpty()) {
            respond(exchange, ManagementResponse.error(ManagementStatus.UNAUTHORIZED, "not on a channel"));
            return;
        }
        ManagementMethod method;
        switch (request.getCode()) {
            case GET -> method = ManagementMethod.GET;
            case POST -> method = ManagementMethod.POST;
            case PUT -> method = ManagementMethod.PUT;
            case DELETE -> method = ManagementMethod.DELETE;
            default -> {
                respond(exchange, ManagementResponse.error(ManagementStatus.METHOD_NOT_ALLOWED,
                        "method not allowed"));
                return;
            }
        }
        OptionSet options = request.getOptions();
        ManagementRequest neutral = new ManagementRequest(method, List.copyOf(options.getUriPath()),
                List.copyOf(options.getUriQuery()),
                options.hasContentFormat() ? OptionalInt.of(options.getContentFormat()) : OptionalInt.empty(),
                Bytes.of(request.getPayload()));
        Outcome outcome = api.dispatch(neutral, ManagementContext.onChannel(channel.get()));
        respond(exchange, outcome.response());
        api.afterResponse(outcome);
    }

    private Optional<ManagedChannel> channelOf(Request request) {
        return AssurePeerPrincipal.of(request.getSourceContext()).flatMap(AssurePeerPrincipal::channel)
                .flatMap(DtlsChannels::parseTag).flatMap(manager::channel);
    }

    private static void respond(Exchange exchange, ManagementResponse response) {
        Response coap = new Response(ResponseCode.valueOf(response.status().code()));
        if (!response.payload().isEmpty()) {
            coap.setPayload(response.payload().toByteArray());
        }
        response.contentFormat().ifPresent(format -> coap.getOptions().setContentFormat(format));
        exchange.sendResponse(coap);
    }
}
