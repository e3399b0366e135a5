package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.assure.core.model.Address;
import org.assure.core.model.BluetoothAddress;
import org.assure.core.model.Bytes;
import org.assure.core.model.IpAddress;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.TransportEndpoint;
import org.junit.jupiter.api.Test;

class UdpTransportTest {
    private record Datagram(Address from, byte[] data) {
    }

    @Test
    void givenTwoEndpoints_whenOneSends_thenTheOtherReceivesWithTheSendersAddress() throws Exception {
        UdpTransport transport = UdpTransport.ephemeral(InetAddress.getByName("127.0.0.1"));
        BlockingQueue<Datagram> inbox = new LinkedBlockingQueue<>();
        try (TransportEndpoint management = transport.bind(ChannelKind.MANAGEMENT, (f, d) -> inbox.add(new Datagram(f, d)));
                TransportEndpoint data = transport.bind(ChannelKind.DATA, (f, d) -> { })) {
            IpAddress target = (IpAddress) management.localAddress();
            data.send(target, new byte[] {1, 2, 3}, 1, 2);

            Datagram received = Events.next(inbox);
            assertThat(received.data()).containsExactly(2, 3);
            IpAddress from = (IpAddress) received.from();
            assertThat(from.remotePort()).isEqualTo(((IpAddress) data.localAddress()).localPort());
            assertThat(from.localPort()).isEqualTo(target.localPort());
            assertThat(management.maxDatagramSize(target)).isEqualTo(1500 - 28);
        }
    }

    @Test
    void givenBoundKind_whenBoundAgain_thenRefusedUntilClosed() throws Exception {
        UdpTransport transport = UdpTransport.ephemeral(InetAddress.getByName("127.0.0.1"));
        TransportEndpoint first = transport.bind(ChannelKind.DATA, (f, d) -> { });

        assertThatThrownBy(() -> transport.bind(ChannelKind.DATA, (f, d) -> { })).isInstanceOf(IllegalStateException.class);
        first.close();
        transport.bind(ChannelKind.DATA, (f, d) -> { }).close();
    }

    @Test
    void givenNonIpAddress_whenSending_thenRejected() throws Exception {
        UdpTransport transport = UdpTransport.ephemeral(InetAddress.getByName("127.0.0.1"));
        try (TransportEndpoint endpoint = transport.bind(ChannelKind.DATA, (f, d) -> { })) {
            Address bluetooth = new BluetoothAddress(Bytes.fromHex("001122334455"));
            assertThatThrownBy(() -> endpoint.send(bluetooth, new byte[1], 0, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
