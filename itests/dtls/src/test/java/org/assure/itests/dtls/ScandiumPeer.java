package org.assure.itests.dtls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.MessageCallback;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;

/** A Scandium DTLS connector with received data queued and sends awaited. */
final class ScandiumPeer implements AutoCloseable {
    final DTLSConnector connector;
    final BlockingQueue<RawData> received = new LinkedBlockingQueue<>();
    /** If set, every received payload is sent back prefixed with this. */
    volatile byte[] echoPrefix;

    ScandiumPeer(DtlsConnectorConfig config) throws IOException {
        connector = new DTLSConnector(config);
        connector.setRawDataReceiver(raw -> {
            received.add(raw);
            byte[] prefix = echoPrefix;
            if (prefix != null) {
                byte[] reply = new byte[prefix.length + raw.getSize()];
                System.arraycopy(prefix, 0, reply, 0, prefix.length);
                System.arraycopy(raw.getBytes(), 0, reply, prefix.length, raw.getSize());
                connector.send(RawData.outbound(reply, raw.getEndpointContext(), null, false));
            }
        });
        connector.start();
    }

    InetSocketAddress address() {
        return connector.getAddress();
    }

    /** Sends {@code data} to {@code peer} (handshaking first if needed); the future completes when sent or fails. */
    CompletableFuture<EndpointContext> send(InetSocketAddress peer, byte[] data) {
        CompletableFuture<EndpointContext> sent = new CompletableFuture<>();
        CompletableFuture<EndpointContext> context = new CompletableFuture<>();
        connector.send(RawData.outbound(data, new AddressEndpointContext(peer), new MessageCallback() {
            @Override
            public void onConnecting() {
            }

            @Override
            public void onDtlsRetransmission(int flight) {
            }

            @Override
            public void onContextEstablished(EndpointContext value) {
                context.complete(value);
            }

            @Override
            public void onSent() {
                sent.complete(context.getNow(null));
            }

            @Override
            public void onError(Throwable error) {
                sent.completeExceptionally(error);
            }
        }, false));
        return sent;
    }

    RawData next() throws InterruptedException {
        return received.poll(Recorder.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        connector.destroy();
    }
}
