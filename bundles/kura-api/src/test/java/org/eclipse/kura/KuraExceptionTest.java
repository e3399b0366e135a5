package org.eclipse.kura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class KuraExceptionTest {

    @Test
    void givenOnlyACode_whenCreated_thenItCarriesTheCodeAndTheGenericMessage() {
        KuraException exception = new KuraException(KuraErrorCode.NOT_CONNECTED);

        assertThat(exception.getCode()).isEqualTo(KuraErrorCode.NOT_CONNECTED);
        assertThat(exception.getMessage()).isEqualTo("Generic Error - NOT_CONNECTED");
        assertThat(exception.getLocalizedMessage()).isEqualTo(exception.getMessage());
        assertThat(exception.getCause()).isNull();
    }

    @Test
    void givenACodeAndArguments_whenCreated_thenTheMessageListsTheArguments() {
        KuraException exception = new KuraException(KuraErrorCode.NOT_FOUND, "channel", 7, null);

        assertThat(exception.getCode()).isEqualTo(KuraErrorCode.NOT_FOUND);
        assertThat(exception.getMessage()).isEqualTo("Generic Error - NOT_FOUND: channel, 7, null");
    }

    @Test
    void givenANullArgumentArray_whenCreated_thenTheMessageHasNoArguments() {
        KuraException exception = new KuraException(KuraErrorCode.IO_ERROR, (Object[]) null);

        assertThat(exception.getMessage()).isEqualTo("Generic Error - IO_ERROR");
    }

    @Test
    void givenACodeAndAThrowable_whenCreated_thenTheThrowableBecomesTheCauseNotAnArgument() {
        IOException cause = new IOException("disk");

        KuraException exception = new KuraException(KuraErrorCode.STORE_ERROR, cause);

        assertThat(exception.getCause()).isSameAs(cause);
        assertThat(exception.getMessage()).isEqualTo("Generic Error - STORE_ERROR");
    }

    @Test
    void givenACodeCauseAndArguments_whenCreated_thenItKeepsAllThree() {
        IOException cause = new IOException("socket");

        KuraException exception = new KuraException(KuraErrorCode.CONNECTION_FAILED, cause, "peer-1");

        assertThat(exception.getCode()).isEqualTo(KuraErrorCode.CONNECTION_FAILED);
        assertThat(exception.getCause()).isSameAs(cause);
        assertThat(exception.getMessage()).isEqualTo("Generic Error - CONNECTION_FAILED: peer-1");
    }

    @Test
    void givenAMessage_whenInternalErrorIsCreated_thenItIsAnInternalErrorWithThatArgument() {
        KuraException exception = KuraException.internalError("broken");

        assertThat(exception.getCode()).isEqualTo(KuraErrorCode.INTERNAL_ERROR);
        assertThat(exception.getCause()).isNull();
        assertThat(exception.getMessage()).isEqualTo("Generic Error - INTERNAL_ERROR: broken");
    }

    @Test
    void givenACause_whenInternalErrorIsCreated_thenItIsAnInternalErrorWithThatCause() {
        IllegalStateException cause = new IllegalStateException();

        KuraException exception = KuraException.internalError(cause);

        assertThat(exception.getCode()).isEqualTo(KuraErrorCode.INTERNAL_ERROR);
        assertThat(exception.getCause()).isSameAs(cause);
        assertThat(exception.getMessage()).isEqualTo("Generic Error - INTERNAL_ERROR");
    }

    @Test
    void givenACauseAndAMessage_whenInternalErrorIsCreated_thenItKeepsBoth() {
        IllegalStateException cause = new IllegalStateException();

        KuraException exception = KuraException.internalError(cause, "while storing");

        assertThat(exception.getCode()).isEqualTo(KuraErrorCode.INTERNAL_ERROR);
        assertThat(exception.getCause()).isSameAs(cause);
        assertThat(exception.getMessage()).isEqualTo("Generic Error - INTERNAL_ERROR: while storing");
    }

    @Test
    void givenANullCode_whenCreated_thenItIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> new KuraException(null)).withMessage("code");
        assertThatNullPointerException().isThrownBy(() -> new KuraException(null, "x")).withMessage("code");
    }

    @Test
    void givenADiscoveryFailure_whenTheBluetoothExceptionIsCreated_thenItAlwaysCarriesTheDiscoveryCode() {
        IllegalStateException cause = new IllegalStateException();

        KuraBluetoothDiscoveryException plain = new KuraBluetoothDiscoveryException("hci0 busy");
        KuraBluetoothDiscoveryException caused = new KuraBluetoothDiscoveryException(cause, "hci0 busy");

        assertThat(plain).isInstanceOf(KuraException.class);
        assertThat(plain.getCode()).isEqualTo(KuraErrorCode.BLE_DISCOVERY_ERROR);
        assertThat(plain.getMessage()).isEqualTo("Generic Error - BLE_DISCOVERY_ERROR: hci0 busy");
        assertThat(plain.getCause()).isNull();
        assertThat(caused.getCode()).isEqualTo(KuraErrorCode.BLE_DISCOVERY_ERROR);
        assertThat(caused.getCause()).isSameAs(cause);
    }
}
