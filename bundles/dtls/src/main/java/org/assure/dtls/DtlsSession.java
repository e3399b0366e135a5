package org.assure.dtls;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.assure.core.model.Address;
import org.assure.core.model.Bytes;

/**
 * An established DTLS session with one peer. Thread-safe: {@link #send} may be called from any thread.
 * Inbound application data goes to the engine's {@link DtlsDataHandler}.
 */
public interface DtlsSession {
    /** The peer's transport address. */
    Address peerAddress();

    /** This engine's role in the handshake. */
    DtlsRole role();

    /** The peer's UUID from Peer Name Indication; empty if the peer sent none (plain DICE peers). */
    Optional<UUID> peerName();

    /**
     * The peer's UUID: from Peer Name Indication, else as the credentials resolved the PSK identity or raw public
     * key ({@link PskKey#peer()}, {@link PeerKey#peer()}); empty if neither named it.
     */
    Optional<UUID> peerId();

    /** The UUID of the PSK used, or of the peer's raw public key as the credentials named it. */
    UUID keyId();

    CredentialType credentialType();

    /** IANA cipher suite number, e.g. {@code 0xC0A8}. */
    int cipherSuite();

    /** The session id (empty if the server issued none); resumed sessions keep the original id. */
    Bytes sessionId();

    /** The read/write epoch of application data (1: this engine never renegotiates). */
    int epoch();

    /** True if this session was resumed from an earlier one (abbreviated handshake). */
    boolean resumed();

    /** When the handshake completed. */
    Instant establishedAt();

    /** The largest payload {@link #send} accepts (record limit, max_fragment_length and datagram size). */
    int maxPayloadSize();

    /**
     * Sends one application-data record.
     *
     * @throws IllegalArgumentException if {@code length} exceeds {@link #maxPayloadSize()}
     * @throws IOException              if the session is closed or the transport fails
     */
    void send(byte[] data, int offset, int length) throws IOException;

    /** Sends {@code data} as one application-data record; see {@link #send(byte[], int, int)}. */
    default void send(byte[] data) throws IOException {
        send(data, 0, data.length);
    }

    /** True until the session is closed, by either side or by a failure. */
    boolean isOpen();

    /**
     * Closes the session: sends a {@code close_notify} alert, forgets the peer and reports
     * {@link CloseReason#LOCAL}. Idempotent.
     */
    void close();
}
