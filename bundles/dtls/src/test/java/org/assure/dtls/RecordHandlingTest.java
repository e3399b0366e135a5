package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.assure.core.model.IpAddress;
import org.junit.jupiter.api.Test;

class RecordHandlingTest extends TappedPskPair {
    private byte[] lastApplicationRecord() {
        byte[] last = null;
        for (TapTransport.Sent sent : clientTap.sent) {
            if (sent.contentType() == 23) {
                last = sent.datagram();
            }
        }
        assertThat(last).isNotNull();
        return last;
    }

    @Test
    void givenReplayedRecord_whenServerReceivesItAgain_thenItIsNotDeliveredTwice() throws Exception {
        DtlsSession session = connect();
        session.send(new byte[] {1});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(1);

        clientTap.inject(server.localAddress(), lastApplicationRecord());
        session.send(new byte[] {2});

        // Datagrams of one peer are processed in order: the replay was handled before the next record.
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(2);
        assertThat(serverEvents.data).isEmpty();
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void givenGarbledAndGarbageRecords_whenServerReceivesThem_thenTheyAreDroppedAndTheSessionSurvives()
            throws Exception {
        DtlsSession session = connect();
        session.send(new byte[] {1});
        Events.next(serverEvents.data);
        byte[] garbled = lastApplicationRecord().clone();
        garbled[11] = 0;
        garbled[12] = (byte) (garbled.length - 13);
        garbled[garbled.length - 1] ^= 0x55;
        // A fresh sequence number, so that the replay window does not hide the bad MAC.
        garbled[10] = (byte) (garbled[10] + 7);

        clientTap.inject(server.localAddress(), garbled);
        clientTap.inject(server.localAddress(), new byte[] {23, (byte) 0xFE, (byte) 0xFD, 0, 1, 0, 0, 0, 0, 0, 99, 0, 3, 1, 2, 3});
        clientTap.inject(server.localAddress(), new byte[] {1, 2, 3});
        session.send(new byte[] {4});

        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(4);
        assertThat(serverEvents.data).isEmpty();
        assertThat(server.stats().droppedRecords()).isGreaterThanOrEqualTo(1);
        assertThat(server.sessions()).hasSize(1);
        server.sessions().get(0).send(new byte[] {5});
        assertThat(Events.next(clientEvents.data).bytes()).containsExactly(5);
    }

    @Test
    void givenFloodOfCookielessClientHellos_whenServerAnswersThem_thenItKeepsNoPerPeerState() throws Exception {
        byte[] clientHello = capturedClientHello();
        IpAddress target = (IpAddress) server.localAddress();
        long heapBefore = usedHeap();

        try (DatagramSocket attacker = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            DatagramPacket packet = new DatagramPacket(clientHello, clientHello.length, target.inetAddress(),
                    target.remotePort());
            int sent = 0;
            for (int batch = 0; batch < 100; batch++) {
                for (int i = 0; i < 100; i++) {
                    attacker.send(packet);
                }
                sent += 100;
                long expected = sent;
                await(() -> server.stats().helloVerifyRequests() >= expected);
                assertThat(server.stats().peerStates()).isZero();
            }
        }

        DtlsEngineStats stats = server.stats();
        assertThat(stats.helloVerifyRequests()).isEqualTo(10_000);
        assertThat(stats.peerStates()).isZero();
        assertThat(stats.handshakes()).isZero();
        assertThat(stats.sessions()).isZero();
        assertThat(serverEvents.failures).isEmpty();
        assertThat(usedHeap() - heapBefore).as("heap growth after 10,000 ClientHellos").isLessThan(8L << 20);
    }

    /** The first ClientHello a client sends, captured on its way to a socket that never answers. */
    private byte[] capturedClientHello() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<DtlsSession> never = client.connect(
                    IpAddress.of(silent.getLocalAddress(), 0, silent.getLocalPort()),
                    ClientCredentials.psk(clientName, serverName, PskResolver.fixed(PskKey.of(pskId, psk))));
            await(() -> !clientTap.sent.isEmpty());
            never.cancel(true);
            byte[] hello = clientTap.sent.peek().datagram();
            assertThat(hello[0]).isEqualTo((byte) 22);
            assertThat(hello[13]).isEqualTo((byte) 1);
            return hello;
        }
    }

    @Test
    void givenHandshakes_thenHelloRandomsCarryNoClock() throws Exception {
        List<byte[]> randoms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            connect().close();
            Events.next(serverEvents.closed);
            client.clearSessionCache();
        }
        for (TapTransport.Sent sent : clientTap.sent) {
            if (isHandshake(sent.datagram(), 1)) {
                randoms.add(random(sent.datagram()));
            }
        }
        for (TapTransport.Sent sent : serverTap.sent) {
            if (isHandshake(sent.datagram(), 2)) {
                randoms.add(random(sent.datagram()));
            }
        }
        assertThat(randoms).hasSizeGreaterThanOrEqualTo(8);
        long now = Instant.now().getEpochSecond();
        // RFC 5246 gmt_unix_time would put the clock in the first 4 bytes; the profile wants all 32 random.
        assertThat(randoms).noneMatch(r -> Math.abs((ByteBuffer.wrap(r).getInt() & 0xFFFFFFFFL) - now) < 86_400);
    }

    private static boolean isHandshake(byte[] datagram, int type) {
        return datagram.length > 60 && datagram[0] == 22 && datagram[3] == 0 && datagram[4] == 0 && datagram[13] == type;
    }

    /** Record header 13, handshake header 12, version 2: the 32-byte random. */
    private static byte[] random(byte[] datagram) {
        byte[] random = new byte[32];
        System.arraycopy(datagram, 27, random, 0, 32);
        return random;
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Events.WAIT_SECONDS * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition within %d s", Events.WAIT_SECONDS).isNegative();
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
