package org.assure.itests.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the core library's JMH benchmarks and prints one parseable line per benchmark after JMH's own output:
 *
 * <pre>
 * BENCH &lt;name&gt; ours=&lt;number&gt; &lt;unit&gt; peer=&lt;number or -&gt; ratio=&lt;number or -&gt; goal=&lt;text or -&gt;
 * BENCH-GOAL bootstrap.open.ec.20keys met|missed
 * </pre>
 *
 * <p>{@code ours} is the mean time per operation (JMH average-time mode, one fork). {@code peer} is the same
 * operation by another implementation measured in the same run, in the same unit; only PBKDF2 has one (the JDK's
 * {@code PBKDF2WithHmacSHA256}). {@code ratio} = peer time / our time: above 1 means ours is faster, below 1 slower.
 * {@code goal} is the bound the project set for the benchmark; the {@code BENCH-GOAL} line says whether the mean
 * met it, and appears only when that benchmark ran. A {@code #} line before them gives the machine's load average
 * around the run: the times are wall-clock, so a machine busy with other work inflates them.
 *
 * <p>Usage: {@code java -jar itests/benchmarks/target/benchmarks.jar [regex]}. Without an argument every benchmark
 * runs (about three minutes on two cores); with one, only benchmarks whose JMH name
 * ({@code org.assure.itests.benchmarks.<Class>.<method>}) matches the regex, e.g. {@code BootstrapImage} or
 * {@code SignatureBenchmark.verify}. The PBKDF2 peer runs when its regex matches {@code SecretDerivationBenchmark}.
 *
 * <p>This is a command-line tool: its result is what it prints on standard output.
 */
public final class CoreBenchmarks {
    static final List<Class<?>> BENCHMARKS = List.of(AuthenticatedKeyBenchmark.class, BootstrapImageBenchmark.class,
            SignatureBenchmark.class, SecretDerivationBenchmark.class);

    private CoreBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        if (args.length > 1) {
            System.err.println("usage: java -jar benchmarks.jar [regex]");
            System.exit(2);
        }
        OptionsBuilder options = new OptionsBuilder();
        if (args.length == 1) {
            options.include(args[0]);
        } else {
            BENCHMARKS.forEach(type -> options.include(Pattern.quote(type.getName() + ".")));
        }
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double loadAtStart = os.getSystemLoadAverage();
        Collection<RunResult> results = new Runner(options.build()).run();
        double loadAtEnd = os.getSystemLoadAverage();
        List<BenchReport.Measurement> measurements = results.stream().map(CoreBenchmarks::measurement).toList();
        System.out.println();
        System.out.println(BenchReport.machineLine(os.getAvailableProcessors(), loadAtStart, loadAtEnd));
        BenchReport.lines(measurements).forEach(System.out::println);
    }

    private static BenchReport.Measurement measurement(RunResult result) {
        BenchmarkParams params = result.getParams();
        String benchmark = params.getBenchmark();
        int method = benchmark.lastIndexOf('.');
        String classAndMethod = benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
        Map<String, String> values = params.getParamsKeys().stream()
                .collect(Collectors.toMap(key -> key, params::getParam));
        return new BenchReport.Measurement(classAndMethod, values, result.getPrimaryResult().getScore(),
                result.getPrimaryResult().getScoreUnit());
    }
}
