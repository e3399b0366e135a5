package org.assure.channels.internal.coap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.assure.channels.ManagementRequest;
import org.assure.channels.ManagementResponse;
import org.assure.channels.ManagementStatus;
import org.assure.core.model.Bytes;
import org.assure.core.model.IpAddress;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.AddressEndpointContext;

/** Sends a transport-neutral request as CoAP to a peer over a connector's DTLS session. */
final class CoapRequests {
    private CoapRequests() {
    }

    static CompletionStage<ManagementResponse> send(Endpoint endpoint, IpAddress peer, ManagementRequest request) {
        Request coap = new Request(switch (request.method()) {
            case GET -> CoAP.Code.GET;
            case POST -> CoAP.Code.POST;
            case PUT -> CoAP.Code.PUT;
            case DELETE -> CoAP.Code.DELETE;
        });
        coap.setDestinationContext(new AddressEndpointContext(new InetSocketAddress(peer.inetAddress(),
                peer.remotePort())));
        request.path().forEach(coap.getOptions()::addUriPath);
        request.query().forEach(coap.getOptions()::addUriQuery);
        request.contentFormat().ifPresent(coap.getOptions()::setContentFormat);
        if (!request.payload().isEmpty()) {
            if (request.method() == org.assure.channels.ManagementMethod.GET
                    || request.method() == org.assure.channels.ManagementMethod.DELETE) {
                coap.setUnintendedPayload(); // RFC 7252 allows it (ping carries one, draft §10.1.16)
            }
            coap.setPayload(request.payload().toByteArray());
        }
        CompletableFuture<ManagementResponse> result = new CompletableFuture<>();
        coap.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(Response response) {
                ManagementStatus status = ManagementStatus.fromCode(response.getCode().value).orElse(null);
                if (status == null) {
                    result.completeExceptionally(new IOException("unknown response code"));
                    return;
                }
                OptionalInt format = response.getOptions().hasContentFormat()
                        ? OptionalInt.of(response.getOptions().getContentFormat()) : OptionalInt.empty();
                result.complete(new ManagementResponse(status, format, Bytes.of(response.getPayload())));
            }

            @Override
            public void onTimeout() {
                result.completeExceptionally(new IOException("no response"));
            }

            @Override
            public void onReject() {
                result.completeExceptionally(new IOException("rejected by the peer"));
            }

            @Override
            public void onCancel() {
                result.completeExceptionally(new IOException("cancelled"));
            }

            @Override
            protected void failed() {
                result.completeExceptionally(new IOException("request failed"));
            }

            @Override
            public void onSendError(Throwable error) {
                result.completeExceptionally(new IOException("send failed", error));
            }
        });
        endpoint.sendRequest(coap);
        return result;
    }
}
