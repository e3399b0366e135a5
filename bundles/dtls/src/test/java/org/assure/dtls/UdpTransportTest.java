package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
    void givenReceiveThreads_whenManyPeersSend_thenEveryDatagramArrivesAndEachPeerStaysOnOneThreadInOrder()
            throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        UdpTransport group = new UdpTransport(loopback, 0, 0, UdpTransport.DEFAULT_MTU,
                UdpTransport.DEFAULT_SOCKET_BUFFER, 4);
        Map<Address, List<Integer>> sequences = new ConcurrentHashMap<>();
        Map<Address, Set<String>> threads = new ConcurrentHashMap<>();
        Set<String> allThreads = ConcurrentHashMap.newKeySet();
        int peersCount = 16;
        int perPeer = 50;
        CountDownLatch all = new CountDownLatch(peersCount * perPeer);
        try (TransportEndpoint server = group.bind(ChannelKind.MANAGEMENT, (from, data) -> {
            sequences.computeIfAbsent(from, f -> Collections.synchronizedList(new ArrayList<>())).add((int) data[0]);
            threads.computeIfAbsent(from, f -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
            allThreads.add(Thread.currentThread().getName());
            all.countDown();
        })) {
            List<TransportEndpoint> senders = new ArrayList<>();
            try {
                for (int p = 0; p < peersCount; p++) {
                    senders.add(UdpTransport.ephemeral(loopback).bind(ChannelKind.DATA, (f, d) -> { }));
                }
                for (int i = 0; i < perPeer; i++) {
                    for (TransportEndpoint sender : senders) {
                        sender.send(server.localAddress(), new byte[] {(byte) i}, 0, 1);
                    }
                }
                assertThat(all.await(20, TimeUnit.SECONDS)).as("all datagrams within 20 s").isTrue();
            } finally {
                senders.forEach(TransportEndpoint::close);
            }
        }

        List<Integer> inOrder = IntStream.range(0, perPeer).boxed().toList();
        assertThat(sequences).hasSize(peersCount).allSatisfy((peer, received) -> assertThat(received).isEqualTo(inOrder));
        assertThat(threads).allSatisfy((peer, names) -> assertThat(names).hasSize(1));
        // 16 peers over 4 sockets: all on one would take the kernel's hash being constant.
        assertThat(allThreads).hasSizeGreaterThan(1);
    }

    @Test
    void givenReceiveThreads_whenThePortIsTaken_thenBindingFailsAsWithOneSocket() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            UdpTransport group = new UdpTransport(loopback, taken.getLocalPort(), 0, UdpTransport.DEFAULT_MTU,
                    UdpTransport.DEFAULT_SOCKET_BUFFER, 3);

            assertThatThrownBy(() -> group.bind(ChannelKind.MANAGEMENT, (f, d) -> { }))
                    .isInstanceOf(BindException.class);
            // Nothing was left bound: the kind can be bound once the port is free.
            taken.close();
            group.bind(ChannelKind.MANAGEMENT, (f, d) -> { }).close();
        }
    }

    @Test
    void givenReceiveThreads_whenClosed_thenThePortIsFreeAndEveryThreadEnds() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        UdpTransport group = new UdpTransport(loopback, 0, 0, UdpTransport.DEFAULT_MTU, 0, 3);
        TransportEndpoint endpoint = group.bind(ChannelKind.DATA, (f, d) -> { });
        int port = ((IpAddress) endpoint.localAddress()).localPort();
        String prefix = "assure-udp-data-" + port;
        assertThat(receiveThreads(prefix)).hasSize(3);

        endpoint.close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!receiveThreads(prefix).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(receiveThreads(prefix)).isEmpty();
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(loopback, port))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    private static List<Thread> receiveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().equals(prefix) || t.getName().startsWith(prefix + "-")))
                .toList();
    }

    @Test
    void givenReceiveThreadsOutOfRange_whenConstructed_thenRefusedNamingThem() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int threads : new int[] {0, -1, UdpTransport.MAX_RECEIVE_THREADS + 1}) {
            assertThatThrownBy(() -> new UdpTransport(loopback, 0, 0, UdpTransport.DEFAULT_MTU, 0, threads))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiveThreads");
        }
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
