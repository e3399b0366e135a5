package org.assure.dtls.internal;

import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.UUID;
import org.assure.dtls.DtlsAlert;
import org.assure.dtls.FailureCause;

/**
 * What one handshake learnt that explains a failure: a cause we decided ourselves, the alerts sent and received,
 * and the peer's name. Written on the handshake thread, read after it ended.
 */
final class HandshakeOutcome {
    /** RFC 4279 unknown_psk_identity, which peers other than ours may send. */
    private static final int UNKNOWN_PSK_IDENTITY = 115;
    private volatile FailureCause localCause;
    private volatile DtlsAlert received;
    private volatile DtlsAlert raised;
    private volatile Optional<UUID> peerName = Optional.empty();

    /** Records the reason we are about to abort for; the first one wins. */
    void fail(FailureCause cause) {
        if (localCause == null) {
            localCause = cause;
        }
    }

    void peerName(Optional<UUID> name) {
        this.peerName = name;
    }

    Optional<UUID> peerName() {
        return peerName;
    }

    void alertRaised(short level, short description) {
        if (raised == null && description != OwnChannel.CLOSE_NOTIFY) {
            raised = new DtlsAlert(level, description, false);
        }
    }

    void alertReceived(short level, short description) {
        if (received == null && level == OwnChannel.ALERT_FATAL) {
            received = new DtlsAlert(level, description, true);
        }
    }

    /** The alert to report: the one received, else the one sent. */
    Optional<DtlsAlert> alert() {
        return Optional.ofNullable(received != null ? received : raised);
    }

    FailureCause classify(Throwable failure) {
        if (localCause != null) {
            return localCause;
        }
        if (received != null) {
            return byReceivedAlert(received.description());
        }
        if (isTimeout(failure)) {
            return FailureCause.TIMEOUT;
        }
        if (raised != null && isAuthenticationAlert(raised.description())) {
            return FailureCause.AUTHENTICATION_FAILED;
        }
        return FailureCause.OTHER;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static FailureCause byReceivedAlert(int description) {
        if (description == OwnChannel.ACCESS_DENIED || description == UNKNOWN_PSK_IDENTITY) {
            return FailureCause.REFUSED_BY_PEER;
        }
        return isAuthenticationAlert(description) ? FailureCause.AUTHENTICATION_FAILED : FailureCause.OTHER;
    }

    private static boolean isAuthenticationAlert(int description) {
        return switch (description) {
            // bad_record_mac, bad_certificate, unsupported_certificate, certificate_revoked, certificate_expired,
            // certificate_unknown, unknown_ca, decrypt_error
            case 20, 42, 43, 44, 45, 46, 48, 51 -> true;
            default -> false;
        };
    }
}
