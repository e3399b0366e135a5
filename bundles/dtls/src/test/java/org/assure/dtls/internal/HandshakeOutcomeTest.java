package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.assure.dtls.DtlsAlert;
import org.assure.dtls.FailureCause;
import java.io.InterruptedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandshakeOutcomeTest {
    @ParameterizedTest
    @CsvSource({"49, REFUSED_BY_PEER", "115, REFUSED_BY_PEER", "51, AUTHENTICATION_FAILED",
        "20, AUTHENTICATION_FAILED", "42, AUTHENTICATION_FAILED", "40, OTHER", "80, OTHER"})
    void givenFatalAlertReceived_thenCauseFollowsIt(short description, FailureCause expected) {
        HandshakeOutcome outcome = new HandshakeOutcome();
        outcome.alertReceived((short) 2, description);

        assertThat(outcome.classify(new IOException())).isEqualTo(expected);
        assertThat(outcome.alert()).contains(new DtlsAlert(2, description, true));
    }

    @Test
    void givenOwnDecision_thenItWinsOverAlertsAndTimeouts() {
        HandshakeOutcome outcome = new HandshakeOutcome();
        outcome.fail(FailureCause.UNKNOWN_PEER_NAME);
        outcome.alertRaised((short) 2, (short) 49);

        assertThat(outcome.classify(new InterruptedIOException("t"))).isEqualTo(FailureCause.UNKNOWN_PEER_NAME);
    }

    @Test
    void givenTimeoutWithoutAlerts_thenTimeout() {
        assertThat(new HandshakeOutcome().classify(new InterruptedIOException("t"))).isEqualTo(FailureCause.TIMEOUT);
    }

    @Test
    void givenOwnDecryptError_thenAuthenticationFailed() {
        HandshakeOutcome outcome = new HandshakeOutcome();
        outcome.alertRaised((short) 2, (short) 51);

        assertThat(outcome.classify(new IOException())).isEqualTo(FailureCause.AUTHENTICATION_FAILED);
        assertThat(outcome.alert()).contains(new DtlsAlert(2, 51, false));
    }

    @Test
    void givenNothingKnown_thenOther() {
        assertThat(new HandshakeOutcome().classify(new IOException())).isEqualTo(FailureCause.OTHER);
    }
}
