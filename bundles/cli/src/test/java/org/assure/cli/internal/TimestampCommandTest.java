package org.assure.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampCommandTest {
    @Test
    void given_the_assure_epoch_when_run_then_zero() {
        CliRun.Result result = CliRun.run("timestamp", "--at", "2010-01-01T00:00:00Z");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                at: 2010-01-01T00:00:00Z
                simple: 0
                cbor: 00
                precision: [0, 0]
                cbor: 820000
                """);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void given_2026_and_half_a_second_when_run_then_draft_values_and_cbor() {
        CliRun.Result result = CliRun.run("timestamp", "--at", "2026-01-01T00:00:00.5Z");

        // 2026-01-01 is unix 1767225600; minus 1262304000 = 504921600. 0.5 s x 2^32 = 2147483648.
        assertThat(result.out()).isEqualTo("""
                at: 2026-01-01T00:00:00.500Z
                simple: 504921600
                cbor: 1a1e187e00
                precision: [504921600, 2147483648]
                cbor: 821a1e187e001a80000000
                """);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-01-01T00:00:00Z, 504921600",
            "2026-01-01T01:00:00+01:00, 504921600",
            "2026-01-01T00:00:00, 504921600",
            "2026-01-01, 504921600",
            "2010-01-01T00:00:01Z, 1"})
    void given_iso_8601_forms_when_run_then_the_simple_timestamp(String at, long expected) {
        CliRun.Result result = CliRun.run("timestamp", "--at", at);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("simple: " + expected + "\n");
    }

    @Test
    void given_no_instant_when_run_then_the_clock_decides() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00.25Z"), ZoneOffset.UTC);

        CliRun.Result result = CliRun.run(new byte[0], clock, "timestamp");

        assertThat(result.out()).contains("simple: 504921600\n", "precision: [504921600, 1073741824]\n");
    }

    @Test
    void given_an_instant_before_2010_when_run_then_exit_2() {
        CliRun.Result result = CliRun.run("timestamp", "--at", "2009-12-31T23:59:59Z");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("error: instant before the aSSURE epoch 2010-01-01T00:00:00Z");
    }

    @Test
    void given_text_that_is_no_date_when_run_then_exit_2() {
        CliRun.Result result = CliRun.run("timestamp", "--at", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("error: --at is not an ISO-8601 instant");
    }
}
