package org.assure.dtls;

/**
 * Receives decrypted application data. Called on an engine worker thread, serially and in order per session (no
 * thread per session); it must not block for long. The handler owns {@code data}.
 */
@FunctionalInterface
public interface DtlsDataHandler {
    void received(DtlsSession session, byte[] data);
}
