package org.assure.core.transport;

import org.assure.core.model.Address;

/**
 * Receives inbound datagrams from a {@link TransportEndpoint}. Called on the transport's receive thread: it must
 * return quickly and must not block; it must tolerate any bytes from any address (the transport does not
 * authenticate anything).
 */
@FunctionalInterface
public interface DatagramReceiver {
    /**
     * @param from     the sender, in the address type of the transport
     * @param datagram the payload (one datagram); the receiver owns the array
     */
    void received(Address from, byte[] datagram);
}
