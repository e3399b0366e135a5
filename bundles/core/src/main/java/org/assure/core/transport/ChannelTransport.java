package org.assure.core.transport;

import java.io.IOException;
import org.assure.core.model.AddressType;

/**
 * A network a device can open aSSURE channels over (draft §12): IP, BACnet or Bluetooth. Registered as an OSGi
 * service; the channel manager picks the transport whose {@link #addressType()} matches a channel's address.
 *
 * <p>Contract: {@link #bind} may be called once per {@link ChannelKind} at a time; a second bind for the same kind
 * fails until the first endpoint is closed. Datagrams are opaque: the transport adds and removes only its own
 * framing (e.g. BVLC/NPDU and the {@code channel_id, dtls_data} sequence on BACnet). A transport never logs
 * payloads.
 */
public interface ChannelTransport {
    /** The address type this transport serves; also the type of every address it reports. */
    AddressType addressType();

    /** A short name for logs and configuration, e.g. {@code ip}, {@code bacnet}, {@code ble}. */
    String name();

    /**
     * Binds the endpoint for {@code kind}; inbound datagrams go to {@code receiver} until the endpoint is closed.
     *
     * @throws IOException           if the underlying port or link cannot be opened
     * @throws IllegalStateException if {@code kind} is already bound
     */
    TransportEndpoint bind(ChannelKind kind, DatagramReceiver receiver) throws IOException;
}
