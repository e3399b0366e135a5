package org.assure.runtime.internal;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lines the standalone gateway prints on standard output for whoever started it (a script, a test, the demo):
 * {@code ASSURE-GATEWAY READY …}, {@code ASSURE-GATEWAY FAILED <reason>}, {@code ASSURE-GATEWAY STOPPED}. These are
 * the process's interface, not logging, hence standard output rather than SLF4J. A failure ends the process with
 * exit code 1 (the shutdown hook then stops the framework).
 */
final class StartupReport {
    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    private static final PrintStream OUT = System.out;

    private StartupReport() {
    }

    /** Prints the READY line, once per process. */
    static void ready(int http, int management, int data, String deviceId) {
        if (REPORTED.compareAndSet(false, true)) {
            print("ASSURE-GATEWAY READY http=" + http + " mgmt=" + management + " data=" + data + " device="
                    + deviceId);
        }
    }

    /** Prints the FAILED line (once; after READY nothing) and exits with code 1 from a thread of its own. */
    static void failed(String reason) {
        if (REPORTED.compareAndSet(false, true)) {
            print("ASSURE-GATEWAY FAILED " + oneLine(reason));
            // System.exit runs the shutdown hooks, which stop the framework: never call it on a framework thread
            Thread exit = new Thread(() -> System.exit(1), "assure-gateway-exit");
            exit.setDaemon(true);
            exit.start();
        }
    }

    static void stopped() {
        print("ASSURE-GATEWAY STOPPED");
    }

    static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static synchronized void print(String line) {
        OUT.println(line);
        OUT.flush();
    }
}
