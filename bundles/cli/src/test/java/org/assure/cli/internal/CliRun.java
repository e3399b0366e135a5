package org.assure.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the tool in-process through picocli with captured stdin, stdout and stderr. */
final class CliRun {
    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
        /** The stderr lines (no trailing empty line). */
        String[] errLines() {
            return err.lines().toArray(String[]::new);
        }
    }

    /** The instant "now" is in tests that do not pass one. */
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private CliRun() {
    }

    static Result run(String... args) {
        return run(new byte[0], Clock.fixed(NOW, ZoneOffset.UTC), args);
    }

    static Result withStdin(byte[] stdin, String... args) {
        return run(stdin, Clock.fixed(NOW, ZoneOffset.UTC), args);
    }

    static Result run(byte[] stdin, Clock clock, String... args) {
        return runWithEnvironment(ENVIRONMENT, stdin, clock, args);
    }

    /** The home passphrase the tests' environment gives ({@link HomePassphrase#ENV}). */
    static final String PASSPHRASE = "test home passphrase 7f3a";
    static final java.util.Map<String, String> ENVIRONMENT = java.util.Map.of(HomePassphrase.ENV, PASSPHRASE);

    /** A run with exactly {@code environment} as the process environment. */
    static Result runWithEnvironment(java.util.Map<String, String> environment, byte[] stdin, Clock clock,
            String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AssureMain.commandLine(new ByteArrayInputStream(stdin), new PrintWriter(out, true),
                new PrintWriter(err, true), clock, Lifecycle.untilExit(), environment).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
