package org.assure.dtls;

/**
 * A snapshot of an engine's counters.
 *
 * @param sessions          established sessions
 * @param handshakes        handshakes in progress
 * @param peerStates        entries in the per-peer demultiplexing map (sessions plus handshakes); a flood of
 *                          ClientHellos without a valid cookie leaves it unchanged
 * @param helloVerifyRequests ClientHellos without a valid cookie, answered statelessly with a HelloVerifyRequest
 *                          (or dropped if malformed)
 * @param droppedDatagrams  datagrams dropped: no state for the peer, not a valid ClientHello, handshake limits,
 *                          full queues
 * @param droppedRecords    records that failed decryption (bad MAC, garbage); replays are dropped uncounted
 * @param cachedSessions    entries in the resumption caches
 */
public record DtlsEngineStats(int sessions, int handshakes, int peerStates, long helloVerifyRequests,
        long droppedDatagrams, long droppedRecords, int cachedSessions) {
}
