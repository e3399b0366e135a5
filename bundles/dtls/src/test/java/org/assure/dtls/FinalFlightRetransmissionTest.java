package org.assure.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * RFC 6347 §4.2.4: once the server finished, a retransmission of the client's final flight (ClientKeyExchange,
 * ChangeCipherSpec, Finished) is answered with the server's last flight or ignored; it never ends the session.
 */
class FinalFlightRetransmissionTest extends TappedPskPair {
    /** The client's last flight as it went out: every datagram after its last ClientHello up to application data. */
    private List<byte[]> clientFinalFlight() {
        List<byte[]> flight = new ArrayList<>();
        for (TapTransport.Sent sent : clientTap.sent) {
            byte[] datagram = sent.datagram();
            if (sent.contentType() == 22 && sent.epoch() == 0 && datagram[13] == 1) {
                flight.clear();
            } else if (sent.contentType() == 22 || sent.contentType() == 20) {
                flight.add(datagram);
            }
        }
        assertThat(flight).as("ClientKeyExchange, ChangeCipherSpec, Finished").isNotEmpty();
        assertThat(flight.get(flight.size() - 1)[4]).as("Finished in epoch 1").isEqualTo((byte) 1);
        return flight;
    }

    private static long finishedRecords(TapTransport tap) {
        return tap.sent.stream().filter(s -> s.contentType() == 22 && s.epoch() == 1).count();
    }

    private void assertDataFlowsBothWays(DtlsSession clientSession, int tag) throws Exception {
        clientSession.send(new byte[] {(byte) tag});
        assertThat(Events.next(serverEvents.data).bytes()).containsExactly(tag);
        assertThat(server.sessions()).hasSize(1);
        server.sessions().get(0).send(new byte[] {(byte) (tag + 1)});
        assertThat(Events.next(clientEvents.data).bytes()).containsExactly(tag + 1);
    }

    /** Loses the server's first ChangeCipherSpec and Finished: the client retransmits its final flight. */
    private void loseServerFinalFlightOnce() {
        AtomicInteger lost = new AtomicInteger();
        serverTap.lose = sent -> (sent.contentType() == 20 || (sent.contentType() == 22 && sent.epoch() == 1))
                && lost.getAndIncrement() < 2;
    }

    private static long clientFinalFlights(TapTransport tap) {
        return tap.sent.stream().filter(s -> s.contentType() == 22 && s.epoch() == 1).count();
    }

    @Test
    void givenServerFlightLost_whenClientRetransmitsFinalFlight_thenServerResendsItsFlightAndSessionSurvives()
            throws Exception {
        loseServerFinalFlightOnce();

        DtlsSession session = connect();

        // The client's Finished went out at least twice (new record numbers), the server answered with its flight.
        assertThat(clientFinalFlights(clientTap)).isGreaterThanOrEqualTo(2);
        assertThat(finishedRecords(serverTap)).isGreaterThanOrEqualTo(1);
        assertDataFlowsBothWays(session, 10);
        assertThat(serverEvents.closed).isEmpty();
        assertThat(clientEvents.closed).isEmpty();
        assertThat(serverEvents.established).isEmpty();
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void givenApplicationSendDuringResentFlight_whenClientRetransmitsFinalFlight_thenDataGoesInEpoch1AndSessionSurvives()
            throws Exception {
        AtomicInteger flightRecords = new AtomicInteger();
        CompletableFuture<Void> applicationSend = new CompletableFuture<>();
        serverTap.lose = sent -> {
            if (sent.contentType() != 20 && !(sent.contentType() == 22 && sent.epoch() == 1)) {
                return false;
            }
            int index = flightRecords.getAndIncrement();
            if (index == 2) {
                // The resent ChangeCipherSpec, on the thread answering the client's retransmission: the application
                // sends right now, from its own thread. Deterministic: the resend waits for that send (or 300 ms).
                DtlsSession serverSession = server.sessions().get(0);
                CompletableFuture.runAsync(() -> {
                    try {
                        serverSession.send(new byte[] {0x40, 1, 2, 3});
                        applicationSend.complete(null);
                    } catch (Exception e) {
                        applicationSend.completeExceptionally(e);
                    }
                });
                try {
                    applicationSend.get(300, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    // Still waiting for the record layer: the resend goes on.
                }
            }
            return index < 2;
        };

        DtlsSession session = connect();

        applicationSend.get(Events.WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(Events.next(clientEvents.data).bytes()).containsExactly(0x40, 1, 2, 3);
        List<String> unexpected = serverTap.sent.stream()
                .filter(s -> !(s.contentType() == 22 && s.epoch() == 0 && s.datagram()[13] <= 20))
                .filter(s -> !(s.contentType() == 23 && s.epoch() == 1) && !(s.contentType() == 20 && s.epoch() == 0)
                        && !isFinished(s))
                .map(FinalFlightRetransmissionTest::describe).toList();
        assertThat(unexpected).as("records other than handshake, CCS, Finished and application data in epoch 1")
                .isEmpty();
        assertDataFlowsBothWays(session, 30);
        assertThat(serverEvents.closed).isEmpty();
        assertThat(clientEvents.closed).isEmpty();
    }

    private static String describe(TapTransport.Sent sent) {
        return "type " + sent.contentType() + " epoch " + sent.epoch() + " length " + sent.datagram().length
                + (sent.datagram().length > 13 ? " first " + sent.datagram()[13] : "");
    }

    private static boolean isFinished(TapTransport.Sent sent) {
        // Encrypted: a handshake record in epoch 1 of Finished's size (12 + 12 bytes, CCM_8: 8 explicit nonce, 8 tag).
        return sent.contentType() == 22 && sent.epoch() == 1 && sent.datagram().length == 13 + 8 + 24 + 8;
    }
}
