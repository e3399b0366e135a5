package org.assure.dtls;

/**
 * A TLS alert (RFC 5246 §7.2) sent or received during a handshake.
 *
 * @param level       1 warning, 2 fatal
 * @param description the alert description, e.g. 51 {@code decrypt_error}
 * @param received    true if the peer sent it, false if this engine did
 */
public record DtlsAlert(int level, int description, boolean received) {
    /** {@code close_notify}. */
    public static final int CLOSE_NOTIFY = 0;
    /** {@code bad_record_mac}. */
    public static final int BAD_RECORD_MAC = 20;
    /** {@code handshake_failure}. */
    public static final int HANDSHAKE_FAILURE = 40;
    /** {@code bad_certificate}. */
    public static final int BAD_CERTIFICATE = 42;
    /** {@code access_denied}: an unknown or unexpected peer name. */
    public static final int ACCESS_DENIED = 49;
    /** {@code decrypt_error}: also the answer to an unknown PSK identity (PROFILE §6). */
    public static final int DECRYPT_ERROR = 51;
    /** {@code no_renegotiation}. */
    public static final int NO_RENEGOTIATION = 100;
    /** {@code unknown_psk_identity}: never sent by this engine. */
    public static final int UNKNOWN_PSK_IDENTITY = 115;

    public DtlsAlert {
        if (level != 1 && level != 2) {
            throw new IllegalArgumentException("alert level must be 1 or 2");
        }
        if (description < 0 || description > 255) {
            throw new IllegalArgumentException("alert description out of range");
        }
    }
}
