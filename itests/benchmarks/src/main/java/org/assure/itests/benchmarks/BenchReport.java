package org.assure.itests.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Turns benchmark results into the project's parseable lines:
 * {@code BENCH <name> ours=<number> <unit> peer=<number or -> ratio=<number or -> goal=<text or ->}, one per
 * benchmark of ours (a peer's result is folded into the line of the benchmark it is the peer of), then one
 * {@code BENCH-GOAL <name> met|missed} per goal whose benchmark ran. {@code ratio} is peer time / our time, so
 * above 1 means ours is faster. A goal is met when the mean score is within it.
 */
final class BenchReport {
    /** Bootstrap image opening goal: the 20-key EC image in at most 20 ms. */
    static final String EC_IMAGE = "bootstrap.open.ec.20keys";

    /** Report names of our benchmarks, by {@code Class.method}; a signature benchmark's name ends in its case. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("AuthenticatedKeyBenchmark.decodeAndValidate", "authkey.decode-validate.ec-p256"),
            Map.entry("BootstrapImageBenchmark.openEc", EC_IMAGE),
            Map.entry("BootstrapImageBenchmark.openRsa", "bootstrap.open.rsa2048.20keys"),
            Map.entry("BootstrapImageBenchmark.openSharedSecret", "bootstrap.open.secret-aes128ccm.20keys"),
            Map.entry("SignatureBenchmark.sign", "signature.sign"),
            Map.entry("SignatureBenchmark.verify", "signature.verify"),
            Map.entry("SecretDerivationBenchmark.derive", "pbkdf2.sha256.4096it.32bytes"),
            Map.entry("P256Benchmark.keyGeneration", "dtls.p256.keygen"),
            Map.entry("P256Benchmark.agreement", "dtls.p256.ecdh"),
            Map.entry("P256Benchmark.sign", "dtls.p256.sign"),
            Map.entry("P256Benchmark.verify", "dtls.p256.verify"));
    /** Peer benchmark of each of ours that has one, measured in the same run. */
    private static final Map<String, String> PEERS = Map.of(
            "SecretDerivationBenchmark.derive", "SecretDerivationBenchmark.jdkPbkdf2",
            "P256Benchmark.keyGeneration", "P256Benchmark.bcKeyGeneration",
            "P256Benchmark.agreement", "P256Benchmark.bcAgreement",
            "P256Benchmark.sign", "P256Benchmark.bcSign",
            "P256Benchmark.verify", "P256Benchmark.bcVerify");
    private static final Map<String, Goal> GOALS = Map.of(EC_IMAGE, new Goal(20, TimeUnit.MILLISECONDS));

    private BenchReport() {
    }

    /**
     * One benchmark's result.
     *
     * @param benchmark {@code Class.method} of the benchmark (simple class name)
     * @param params    JMH parameters, e.g. {@code signature=RSA_2048_SHA256}
     * @param score     mean time per operation
     * @param unit      JMH score unit: {@code ns/op}, {@code us/op}, {@code ms/op} or {@code s/op}
     */
    record Measurement(String benchmark, Map<String, String> params, double score, String unit) {
        Measurement {
            Objects.requireNonNull(benchmark, "benchmark");
            params = Map.copyOf(params);
            timeUnit(unit);
        }

        double nanos() {
            return timeUnit(unit).toNanos(1) * score;
        }
    }

    /** An upper bound on the mean time per operation. */
    record Goal(long limit, TimeUnit unit) {
        boolean isMet(Measurement m) {
            return m.nanos() <= unit.toNanos(limit);
        }

        String text() {
            return "<=" + limit + symbol(unit);
        }
    }

    /** Whether a {@code Class.method} is a benchmark of ours with a report name, or a peer. */
    static boolean isKnown(String benchmark) {
        return NAMES.containsKey(benchmark) || PEERS.containsValue(benchmark);
    }

    /** The lines for {@code results}, in their order, goal lines last. */
    static List<String> lines(List<Measurement> results) {
        List<String> lines = new ArrayList<>();
        List<String> goalLines = new ArrayList<>();
        for (Measurement ours : results) {
            if (PEERS.containsValue(ours.benchmark())) {
                continue;
            }
            String name = name(ours);
            Optional<Measurement> peer = peerOf(ours, results);
            Goal goal = GOALS.get(name);
            lines.add("BENCH " + name + " ours=" + number(ours.score()) + " " + symbol(timeUnit(ours.unit()))
                    + " peer=" + peer.map(p -> number(p.nanos() / timeUnit(ours.unit()).toNanos(1))).orElse("-")
                    + " ratio=" + peer.map(p -> number(p.nanos() / ours.nanos())).orElse("-")
                    + " goal=" + (goal == null ? "-" : goal.text()));
            if (goal != null) {
                goalLines.add("BENCH-GOAL " + name + " " + (goal.isMet(ours) ? "met" : "missed"));
            }
        }
        lines.addAll(goalLines);
        return lines;
    }

    private static String name(Measurement m) {
        String base = NAMES.get(m.benchmark());
        if (base == null) {
            // Not in the table: still one line, named after the method, rather than losing a measured result.
            base = m.benchmark().toLowerCase(Locale.ROOT);
        }
        String signature = m.params().get("signature");
        return signature == null ? base : base + "." + SignatureCase.valueOf(signature).label();
    }

    private static Optional<Measurement> peerOf(Measurement ours, List<Measurement> results) {
        String peer = PEERS.get(ours.benchmark());
        return results.stream().filter(r -> r.benchmark().equals(peer) && r.params().equals(ours.params())).findFirst();
    }

    /**
     * A comment line ({@code #}, ignored by parsers of BENCH lines) with the machine's load around the run: times
     * are wall-clock, so a run sharing its cores with other work reports inflated numbers.
     *
     * @param loadAtStart one-minute load average, negative if unknown
     */
    static String machineLine(int cores, double loadAtStart, double loadAtEnd) {
        String line = "# " + cores + " cores, load average " + load(loadAtStart) + " at start, " + load(loadAtEnd)
                + " at end";
        return Math.max(loadAtStart, loadAtEnd) > cores ? line + ": busy machine, times are inflated" : line;
    }

    private static String load(double value) {
        return value < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Three significant digits, never in exponent form. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static TimeUnit timeUnit(String jmhUnit) {
        return switch (Objects.requireNonNull(jmhUnit, "unit")) {
            case "ns/op" -> TimeUnit.NANOSECONDS;
            case "us/op" -> TimeUnit.MICROSECONDS;
            case "ms/op" -> TimeUnit.MILLISECONDS;
            case "s/op" -> TimeUnit.SECONDS;
            default -> throw new IllegalArgumentException("not a time per operation: " + jmhUnit);
        };
    }

    private static String symbol(TimeUnit unit) {
        return switch (unit) {
            case NANOSECONDS -> "ns";
            case MICROSECONDS -> "us";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            default -> throw new IllegalArgumentException("unsupported unit " + unit);
        };
    }
}
