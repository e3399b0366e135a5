package org.assure.channels.internal.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assure.core.model.IpAddress;
import org.assure.core.transport.ChannelKind;
import org.assure.core.transport.TransportEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The IP transport over real UDP sockets, IPv4 and IPv6 loopback. */
class IpTransportComponentTest {
    static IpTransportConfig config(String bind, int management, int data) {
        return new IpTransportConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IpTransportConfig.class;
            }

            @Override
            public String bind_address() {
                return bind;
            }

            @Override
            public int management_port() {
                return management;
            }

            @Override
            public int data_port() {
                return data;
            }

            @Override
            public int mtu() {
                return 1500;
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void datagrams_reach_the_management_and_data_endpoints(String loopback) throws Exception {
        IpTransportComponent transport = new IpTransportComponent(config(loopback, 0, 0));
        BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
        try (TransportEndpoint management = transport.bind(ChannelKind.MANAGEMENT,
                (from, data) -> received.add("m:" + new String(data)));
                TransportEndpoint data = transport.bind(ChannelKind.DATA,
                        (from, bytes) -> received.add("d:" + new String(bytes)));
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(loopback), 0))) {
            int mPort = ((IpAddress) management.localAddress()).localPort();
            int dPort = ((IpAddress) data.localAddress()).localPort();
            assertThat(mPort).isNotEqualTo(dPort);
            peer.send(new DatagramPacket("one".getBytes(), 3, InetAddress.getByName(loopback), mPort));
            peer.send(new DatagramPacket("two".getBytes(), 3, InetAddress.getByName(loopback), dPort));
            // each endpoint has its own receive thread: the two may arrive in either order
            assertThat(java.util.List.of(received.poll(5, TimeUnit.SECONDS), received.poll(5, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder("m:one", "d:two");
        }
    }

    @Test
    void defaults_are_the_profile_ports_and_host_names_are_refused() {
        assertThat(IpTransportConfig.class.getMethods()).isNotEmpty();
        assertThatThrownBy(() -> new IpTransportComponent(config("localhost", 0, 0)))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void the_default_wildcard_takes_ipv4_and_ipv6_peers() throws Exception {
        IpTransportComponent transport = new IpTransportComponent(config("::", 0, 0));
        BlockingQueue<IpAddress> senders = new ArrayBlockingQueue<>(4);
        try (TransportEndpoint management = transport.bind(ChannelKind.MANAGEMENT,
                (from, data) -> senders.add((IpAddress) from))) {
            int port = ((IpAddress) management.localAddress()).localPort();
            for (String peerAddress : java.util.List.of("127.0.0.1", "::1")) {
                try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(peerAddress),
                        0))) {
                    peer.send(new DatagramPacket(new byte[] {1}, 1, InetAddress.getByName(peerAddress), port));
                    IpAddress from = senders.poll(5, TimeUnit.SECONDS);
                    assertThat(from).isNotNull();
                    // an IPv4 peer is reported with its 4-byte address, not as an IPv4-mapped IPv6 address
                    assertThat(from.inetAddress()).isEqualTo(InetAddress.getByName(peerAddress));
                    assertThat(from.remotePort()).isEqualTo(peer.getLocalPort());
                }
            }
        }
    }
}
