package org.assure.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.assure.bootstrap.BootstrapOutcome.Result;
import org.assure.core.model.Bytes;
import org.junit.jupiter.api.Test;

class ApiValuesTest {
    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");

    /**
     * The records have cross-field invariants that EqualsVerifier's generated values break, so equality is checked
     * with valid instances: equal components, equal values; one differing component, different values.
     */
    @Test
    void value_types_compare_by_value() {
        assertValueSemantics(BootstrapOutcome.succeeded(AT, 3, 1), BootstrapOutcome.succeeded(AT, 3, 1),
                BootstrapOutcome.succeeded(AT, 4, 1));
        assertValueSemantics(new BootstrapStatus(BootstrapStatus.Phase.WAITING_TO_RETRY, Optional.empty(),
                Optional.of(AT)), new BootstrapStatus(BootstrapStatus.Phase.WAITING_TO_RETRY, Optional.empty(),
                        Optional.of(AT)), BootstrapStatus.initial());
        assertValueSemantics(new PresenceResult(1, AT, true, Optional.of("2.04")),
                new PresenceResult(1, AT, true, Optional.of("2.04")), new PresenceResult(2, AT, true, Optional.of("2.04")));
        assertValueSemantics(ManagementChannelClient.Request.putCbor(new byte[] {1}, "v1"),
                ManagementChannelClient.Request.putCbor(new byte[] {1}, "v1"),
                ManagementChannelClient.Request.putCbor(new byte[] {2}, "v1"));
        assertValueSemantics(new ManagementChannelClient.Response(0x44, Bytes.of(new byte[] {1})),
                new ManagementChannelClient.Response(0x44, Bytes.of(new byte[] {1})),
                new ManagementChannelClient.Response(0x45, Bytes.of(new byte[] {1})));
    }

    private static void assertValueSemantics(Object value, Object same, Object other) {
        assertThat(value).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
    }

    @Test
    void given_outcomes_when_built_then_success_and_failure_are_consistent() {
        assertThat(BootstrapOutcome.succeeded(AT, 3, 1).succeeded()).isTrue();
        assertThat(BootstrapOutcome.failed(AT, Result.REFUSED, "x", 2, Duration.ofSeconds(5)).retryIn())
                .contains(Duration.ofSeconds(5));
        assertThatThrownBy(() -> new BootstrapOutcome(AT, Result.SUCCEEDED, "x", OptionalLong.empty(), 1,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BootstrapOutcome(AT, Result.REJECTED, "x", OptionalLong.of(1), 1,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootstrapOutcome.succeeded(AT, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_a_status_when_waiting_then_it_has_a_next_attempt_and_only_then() {
        assertThat(BootstrapStatus.initial().phase()).isEqualTo(BootstrapStatus.Phase.IDLE);
        assertThatThrownBy(() -> new BootstrapStatus(BootstrapStatus.Phase.WAITING_TO_RETRY, Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BootstrapStatus(BootstrapStatus.Phase.IDLE, Optional.empty(), Optional.of(AT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_responses_when_read_then_codes_print_dotted_and_only_response_codes_are_accepted() {
        assertThat(new ManagementChannelClient.Response(0x44, Bytes.EMPTY).codeText()).isEqualTo("2.04");
        assertThat(new ManagementChannelClient.Response(0x81, Bytes.EMPTY).codeText()).isEqualTo("4.01");
        assertThat(new ManagementChannelClient.Response(0x81, Bytes.EMPTY).isSuccess()).isFalse();
        assertThatThrownBy(() -> new ManagementChannelClient.Response(0x01, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ManagementChannelClient.Request.putCbor(new byte[] {1}, "v1", "x").contentFormat())
                .isEqualTo(OptionalInt.of(60));
    }

    @Test
    void given_presence_when_acknowledged_then_it_carries_a_code() {
        assertThatThrownBy(() -> new PresenceResult(1, AT, true, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PresenceResult(-1, AT, false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
