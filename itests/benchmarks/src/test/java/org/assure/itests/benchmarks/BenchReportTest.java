package org.assure.itests.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assure.itests.benchmarks.BenchReport.Measurement;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

class BenchReportTest {

    @Test
    void given_the_ec_image_within_20_ms_when_reported_then_its_line_has_no_peer_and_the_goal_is_met() {
        var lines = BenchReport.lines(List.of(new Measurement("BootstrapImageBenchmark.openEc", Map.of(), 7.912, "ms/op")));

        assertThat(lines).containsExactly(
                "BENCH bootstrap.open.ec.20keys ours=7.91 ms peer=- ratio=- goal=<=20ms",
                "BENCH-GOAL bootstrap.open.ec.20keys met");
    }

    @Test
    void given_the_ec_image_over_20_ms_in_another_unit_when_reported_then_the_goal_is_missed() {
        var lines = BenchReport.lines(List.of(new Measurement("BootstrapImageBenchmark.openEc", Map.of(), 20_001, "us/op")));

        assertThat(lines).containsExactly(
                "BENCH bootstrap.open.ec.20keys ours=20000 us peer=- ratio=- goal=<=20ms",
                "BENCH-GOAL bootstrap.open.ec.20keys missed");
    }

    @Test
    void given_pbkdf2_and_its_peer_when_reported_then_one_line_with_ratio_peer_time_over_ours() {
        var lines = BenchReport.lines(List.of(
                new Measurement("SecretDerivationBenchmark.derive", Map.of(), 1000, "us/op"),
                new Measurement("SecretDerivationBenchmark.jdkPbkdf2", Map.of(), 1.5, "ms/op")));

        assertThat(lines).containsExactly("BENCH pbkdf2.sha256.4096it.32bytes ours=1000 us peer=1500 ratio=1.5 goal=-");
    }

    @Test
    void given_pbkdf2_without_its_peer_when_reported_then_peer_and_ratio_are_dashes() {
        var lines = BenchReport.lines(List.of(new Measurement("SecretDerivationBenchmark.derive", Map.of(), 812.345, "us/op")));

        assertThat(lines).containsExactly("BENCH pbkdf2.sha256.4096it.32bytes ours=812 us peer=- ratio=- goal=-");
    }

    @Test
    void given_signature_results_when_reported_then_each_name_ends_in_its_case_and_no_goal_line_appears() {
        var lines = BenchReport.lines(List.of(
                new Measurement("SignatureBenchmark.sign", Map.of("signature", "RSA_2048_SHA256"), 1234.5, "us/op"),
                new Measurement("SignatureBenchmark.verify", Map.of("signature", "HMAC_SHA256"), 0.98765, "us/op")));

        assertThat(lines).containsExactly(
                "BENCH signature.sign.rsa2048-sha256 ours=1230 us peer=- ratio=- goal=-",
                "BENCH signature.verify.hmac-sha256 ours=0.988 us peer=- ratio=- goal=-");
    }

    @Test
    void given_every_benchmark_method_when_looked_up_then_each_has_a_report_name() {
        List<String> methods = CoreBenchmarks.BENCHMARKS.stream()
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> m.isAnnotationPresent(Benchmark.class))
                        .map((Method m) -> type.getSimpleName() + "." + m.getName()))
                .toList();

        assertThat(methods).hasSize(8).allSatisfy(name -> assertThat(BenchReport.isKnown(name)).as(name).isTrue());
    }

    @Test
    void given_a_score_that_is_not_a_time_per_operation_when_measured_then_it_is_refused() {
        assertThatThrownBy(() -> new Measurement("SignatureBenchmark.sign", Map.of(), 5, "ops/s"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_a_load_above_the_core_count_when_described_then_the_line_warns_that_times_are_inflated() {
        assertThat(BenchReport.machineLine(2, 1.25, 9.5))
                .isEqualTo("# 2 cores, load average 1.3 at start, 9.5 at end: busy machine, times are inflated");
        assertThat(BenchReport.machineLine(2, 0.5, -1)).isEqualTo("# 2 cores, load average 0.5 at start, unknown at end");
    }

    @Test
    void given_large_and_small_numbers_when_formatted_then_three_significant_digits_without_exponent() {
        assertThat(BenchReport.number(123_456.7)).isEqualTo("123000");
        assertThat(BenchReport.number(0.000123456)).isEqualTo("0.000123");
        assertThat(BenchReport.number(15.0)).isEqualTo("15");
        assertThat(BenchReport.number(Double.NaN)).isEqualTo("-");
    }
}
