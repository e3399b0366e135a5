package org.assure.dtls.internal;

import org.assure.dtls.DtlsConfig;

/** Settings every handshake of an engine shares, in milliseconds and wire codes. */
record HandshakeSettings(int handshakeTimeoutMillis, int resendMillis, int heartbeatIdleMillis,
        int heartbeatTimeoutMillis, int peerNameExtension, short maxFragmentLength) {

    static HandshakeSettings of(DtlsConfig config) {
        return new HandshakeSettings((int) config.handshakeTimeout().toMillis(),
                (int) config.retransmissionInitial().toMillis(), (int) config.heartbeatInterval().toMillis(),
                (int) config.heartbeatTimeout().toMillis(), config.peerNameExtension(),
                maxFragmentLengthCode(config.maxFragmentLength()));
    }

    /** RFC 6066 §4 code: 1 = 2^9 ... 4 = 2^12; -1 for none. */
    private static short maxFragmentLengthCode(int bytes) {
        return switch (bytes) {
            case 512 -> 1;
            case 1024 -> 2;
            case 2048 -> 3;
            case 4096 -> 4;
            default -> -1;
        };
    }
}
