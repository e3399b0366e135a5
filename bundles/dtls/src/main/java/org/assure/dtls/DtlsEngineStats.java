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
 * @param droppedRecords    records that failed decryption (bad MAC, garbage)
 * @param cachedSessions    entries in the resumption caches
 * @param discardedRecords  datagrams of established sessions whose records were discarded unread: replays caught by
 *                          the replay window, records of past epochs (since 1.1)
 */
public record DtlsEngineStats(int sessions, int handshakes, int peerStates, long helloVerifyRequests,
        long droppedDatagrams, long droppedRecords, int cachedSessions, long discardedRecords) {
    /** The counters of version 1.0, without {@link #discardedRecords()} (zero). */
    public DtlsEngineStats(int sessions, int handshakes, int peerStates, long helloVerifyRequests,
            long droppedDatagrams, long droppedRecords, int cachedSessions) {
        this(sessions, handshakes, peerStates, helloVerifyRequests, droppedDatagrams, droppedRecords, cachedSessions,
                0);
    }
}
