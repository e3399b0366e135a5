package org.assure.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code assure demo}: the whole aSSURE lifecycle on this machine, step by step with timings and a summary; then
 * the two gateways' web consoles stay up until Ctrl-C (or the command ends at once with {@code --once}).
 */
@Command(name = "demo",
        description = {"Run the aSSURE lifecycle on this machine with embedded defaults:",
                "a Trusted Authority and the management servers of two owners (in this",
                "process, H2 under --dir) and two standalone gateway runtimes",
                "(assure-gateway.jar processes: an EC device, a shared-secret-only one).",
                "Manufactures both, claims them by decoding their QR codes, lets the",
                "gateways bootstrap, issues a data channel between them and pings over",
                "it, transfers both devices to the second owner (they bootstrap again)",
                "and shows that the first owner is locked out. Prints each step as it",
                "happens and a summary, then keeps both gateways' web consoles up until",
                "Ctrl-C, or exits with --once."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every step passed", "1:internal error", "2:usage error",
                "3:a step failed (the summary names it; logs are kept under --dir)"})
final class DemoCommand implements Callable<Integer> {
    /** A step failed. */
    static final int EXIT_STEP_FAILED = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--once", description = "Exit when the steps are done (exit 0 only if every step passed) "
            + "instead of keeping the consoles up until Ctrl-C.")
    private boolean once;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the authority, devices and gateways keep their files (default: a new temporary "
                    + "directory, deleted at the end unless a step failed).")
    private Path dir;

    @Option(names = "--gateway-jar", paramLabel = "JAR",
            description = "The standalone gateway runtime (default: $ASSURE_GATEWAY_JAR, else "
                    + "distribution/gateway/target/assure-gateway.jar under the current directory).")
    private Path gatewayJar;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "8081",
            description = "Web console port of gateway A; B gets the next free one (default: ${DEFAULT-VALUE}; "
                    + "a taken port is skipped).")
    private int httpPort;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long one step may wait for the gateways: start, presence, echo (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--gateway-jvm-option", paramLabel = "OPTION",
            description = "A JVM option for the gateway processes (repeatable; default: a small heap, serial GC, "
                    + "C1 only, which start fastest).")
    private List<String> jvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (httpPort < 1 || httpPort > 65534) {
            throw new CliException("--http-port must be 1..65534");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new CliException("--timeout must be 1..3600 seconds");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = dir == null;
        Path directory;
        try {
            directory = temporary ? Files.createTempDirectory("assure-demo-") : Home.createDirectory(dir.toAbsolutePath());
        } catch (IOException e) {
            throw new CliException("cannot create a temporary directory: " + Inputs.reason(e));
        }
        Demo demo = new Demo(new Demo.Options(directory.toAbsolutePath().normalize(), jar(),
                Path.of(System.getProperty("java.home"), "bin", "java"), jvmOptions.isEmpty()
                        ? List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1") : jvmOptions,
                httpPort, Duration.ofSeconds(timeoutSeconds), "admin", password()), out);
        // Ctrl-C (or any end of this JVM) stops the gateways and servers; the guard of each gateway process also
        // stops it if this JVM is killed outright.
        DemoSteps steps = new DemoSteps(out, Demo.STEPS);
        Thread hook = new Thread(() -> {
            demo.close();
            // Ctrl-C while the consoles are up ends here, not below: a passed run's temporary files go too
            if (temporary && steps.allPassed()) {
                delete(directory);
            }
        }, "assure-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean passed;
        try {
            out.println("aSSURE lifecycle demo in " + directory);
            out.flush();
            demo.run(steps);
            steps.printSummary();
            passed = steps.allPassed();
            Home.writePublic(directory.resolve("summary.json"), Json.write(steps.toJson()));
            if (!once && demo.anyGatewayRunning()) {
                out.println();
                demo.printConsoles();
                out.println("Ctrl-C stops the gateways and the authority.");
                out.flush();
                ((AssureCommand) spec.root().userObject()).lifecycle().awaitStop();
            }
        } finally {
            demo.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs, closing twice is harmless
            }
        }
        if (passed && temporary) {
            delete(directory);
        } else {
            out.println("files and logs kept in " + directory);
        }
        out.flush();
        return passed ? AssureMain.EXIT_OK : EXIT_STEP_FAILED;
    }

    private Path jar() {
        if (gatewayJar != null) {
            return gatewayJar.toAbsolutePath();
        }
        String env = System.getenv("ASSURE_GATEWAY_JAR");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of("distribution", "gateway", "target", "assure-gateway.jar").toAbsolutePath();
    }

    /** A fresh console password per run: the consoles listen on loopback only, but not for everyone on it. */
    private static String password() {
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void delete(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing the demo for
        }
    }
}
