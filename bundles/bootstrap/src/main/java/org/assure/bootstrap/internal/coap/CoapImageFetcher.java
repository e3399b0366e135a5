package org.assure.bootstrap.internal.coap;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.assure.bootstrap.BootstrapOutcome.Result;
import org.assure.bootstrap.internal.FetchException;
import org.assure.bootstrap.internal.FetchedImage;
import org.assure.bootstrap.internal.ImageFetcher;
import org.assure.core.model.Bytes;
import org.assure.core.transport.ChannelKind;
import org.assure.dtls.ClientCredentials;
import org.assure.dtls.DtlsConfig;
import org.assure.dtls.UdpTransport;
import org.assure.dtls.coap.DtlsCoapConnector;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.exception.EndpointMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/devices/<uuid>/bootstrap} (draft §9.4.1) with Californium over a {@link DtlsCoapConnector} on an
 * ephemeral UDP port: one DTLS session per attempt, closed afterwards. The credentials come from the keystore
 * (PNI with the device UUID; the PSK hint chain of draft §15.3, or the device's raw key with the server's raw key
 * accepted provisionally, draft §15.4); the provisional key is handed on with the image, which is discarded unless
 * that key is in it as a Bootstrap Service key.
 */
public final class CoapImageFetcher implements ImageFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(CoapImageFetcher.class);

    private final Function<Consumer<PublicKey>, ClientCredentials> credentials;
    private final InetAddress bindAddress;
    private final DtlsConfig dtlsConfig;
    private final Duration timeout;
    private final SecureRandom random;
    private final Configuration coapConfig = CoapSetup.configuration();

    /**
     * @param credentials the keystore's bootstrap credentials, given where to report the server's raw key
     * @param bindAddress the local address to bind (the wildcard address on a gateway)
     * @param timeout     how long to wait for the answer, handshake included
     */
    public CoapImageFetcher(Function<Consumer<PublicKey>, ClientCredentials> credentials, InetAddress bindAddress,
            DtlsConfig dtlsConfig, Duration timeout, SecureRandom random) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        this.dtlsConfig = Objects.requireNonNull(dtlsConfig, "dtlsConfig");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.random = Objects.requireNonNull(random, "random");
    }

    private static Request get(CoapEndpoint endpoint, InetSocketAddress server, UUID deviceId) {
        Request request = Request.newGet();
        request.setDestinationContext(new AddressEndpointContext(server));
        request.getOptions().addUriPath("v1").addUriPath("devices").addUriPath(deviceId.toString())
                .addUriPath("bootstrap");
        request.send(endpoint);
        return request;
    }

    @Override
    public FetchedImage fetch(InetSocketAddress server, UUID deviceId) throws FetchException {
        AtomicReference<PublicKey> provisional = new AtomicReference<>();
        ClientCredentials clientCredentials = credentials.apply(provisional::set);
        // The bootstrap session is a data-kind session (ChannelKind.DATA: BACnet 0x82 on BACnet links).
        DtlsCoapConnector connector = DtlsCoapConnector.builder(UdpTransport.ephemeral(bindAddress), ChannelKind.DATA)
                .config(dtlsConfig).random(random)
                .clientCredentials(peer -> Optional.of(clientCredentials)).build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(coapConfig).setConnector(connector)
                .build();
        try {
            endpoint.start();
            Request request = get(endpoint, server, deviceId);
            Response response = request.waitForResponse(timeout.toMillis());
            if (response == null && request.getSendError() instanceof EndpointMismatchException) {
                // The session died between handshake and answer (Californium does not carry a request over to a
                // new session); a GET is safe to repeat once, over a fresh handshake.
                LOG.debug("Bootstrap session with {} ended before the answer; asking again", server);
                request = get(endpoint, server, deviceId);
                response = request.waitForResponse(timeout.toMillis());
            }
            if (response == null) {
                Throwable error = request.getSendError();
                LOG.debug("No bootstrap answer from {}", server, error);
                throw new FetchException(Result.UNREACHABLE, error != null ? "the bootstrap server handshake failed"
                        : "the bootstrap server did not answer", error);
            }
            if (response.getCode() != CoAP.ResponseCode.CONTENT) {
                LOG.debug("Bootstrap server {} answered {}", server, response.getCode());
                throw new FetchException(Result.REFUSED, "the bootstrap server answered " + response.getCode().text,
                        null);
            }
            return new FetchedImage(Bytes.of(response.getPayload()), Optional.ofNullable(provisional.get()));
        } catch (java.io.IOException e) {
            throw new FetchException(Result.UNREACHABLE, "no local UDP port for the bootstrap client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(Result.UNREACHABLE, "interrupted", e);
        } finally {
            endpoint.destroy();
        }
    }
}
