package org.assure.core.transport;

import java.io.IOException;
import org.assure.core.model.Address;

/**
 * One bound endpoint of a transport for one {@link ChannelKind}: sends datagrams to peers and delivers inbound
 * ones to the {@link DatagramReceiver} given at bind time. Thread-safe.
 */
public interface TransportEndpoint extends AutoCloseable {
    /**
     * Sends one datagram. Delivery is unreliable, as UDP: DTLS does its own retransmission.
     *
     * @throws IllegalArgumentException if {@code to} is not of this transport's address type or {@code length}
     *                                  exceeds {@link #maxDatagramSize(Address)}
     * @throws IOException              if the endpoint is closed or the link fails
     */
    void send(Address to, byte[] data, int offset, int length) throws IOException;

    /** The largest datagram {@link #send} accepts towards {@code to} (path MTU less framing). */
    int maxDatagramSize(Address to);

    /** The local address peers reach this endpoint at, in the transport's address type. */
    Address localAddress();

    /** Stops receiving and releases the endpoint; further sends fail. Idempotent. */
    @Override
    void close();
}
