package org.assure.bootstrap.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.assure.bootstrap.ManagementChannelClient;
import org.assure.bootstrap.internal.coap.CoapSetup;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.PskKey;
import org.assure.dtls.PskResolver;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;

/**
 * The device side of management channels for tests, standing in for the channel manager's implementation of
 * {@link ManagementChannelClient}: each channel id maps to a management server address reached with PSK over a
 * real DTLS session (Californium on {@link DtlsCoapConnector}).
 */
final class CoapChannelClient implements ManagementChannelClient, AutoCloseable {
    private final Configuration config = CoapSetup.configuration();
    private final Map<InetSocketAddress, ClientCredentials> credentials = new ConcurrentHashMap<>();
    private final Map<Long, InetSocketAddress> channels = new ConcurrentHashMap<>();
    private final CoapEndpoint endpoint;

    CoapChannelClient() throws Exception {
        DtlsCoapConnector connector = DtlsCoapConnector.builder(UdpTransport.ephemeral(InetAddress.getLoopbackAddress()),
                ChannelKind.MANAGEMENT).config(TestBootstrapServer.fastDtls()).random(Device.RANDOM)
                .clientCredentials(this::credentialsFor).build();
        endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
        endpoint.start();
    }

    private java.util.Optional<ClientCredentials> credentialsFor(org.assure.core.model.Address peer) {
        try {
            org.assure.core.model.IpAddress ip = (org.assure.core.model.IpAddress) peer;
            return java.util.Optional.ofNullable(credentials.get(new InetSocketAddress(
                    InetAddress.getByAddress(ip.remoteAddress().toByteArray()), ip.remotePort())));
        } catch (java.net.UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    /** Channel {@code id} leads to {@code server}, as device {@code device} with PSK {@code keyId}. */
    void channel(long id, InetSocketAddress server, UUID device, UUID serverName, UUID keyId, SecretBytes secret) {
        credentials.put(server, ClientCredentials.psk(device, serverName, PskResolver.fixed(PskKey.of(keyId, secret))));
        channels.put(id, server);
    }

    @Override
    public CompletionStage<Response> send(long channelId, ManagementChannelClient.Request request) {
        InetSocketAddress server = channels.get(channelId);
        if (server == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("channel not open"));
        }
        org.eclipse.californium.core.coap.Request coap = request.method() == Method.GET
                ? org.eclipse.californium.core.coap.Request.newGet()
                : org.eclipse.californium.core.coap.Request.newPut();
        coap.setDestinationContext(new AddressEndpointContext(server));
        request.path().forEach(coap.getOptions()::addUriPath);
        request.contentFormat().ifPresent(coap.getOptions()::setContentFormat);
        coap.setPayload(request.payload().toByteArray());
        CompletableFuture<ManagementChannelClient.Response> answer = new CompletableFuture<>();
        coap.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onResponse(org.eclipse.californium.core.coap.Response response) {
                answer.complete(new ManagementChannelClient.Response(response.getRawCode(),
                        Bytes.of(response.getPayload() == null ? new byte[0] : response.getPayload())));
            }

            @Override
            protected void failed() {
                answer.completeExceptionally(new IllegalStateException("no answer"));
            }
        });
        coap.send(endpoint);
        return answer;
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
