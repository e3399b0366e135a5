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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AssureMain.commandLine(new ByteArrayInputStream(stdin), new PrintWriter(out, true),
                new PrintWriter(err, true), clock).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
