package org.assure.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Entry point of the {@code assure} tool. Every failure ends as one line {@code error: <reason>} on stderr and a
 * non-zero exit code, never as a stack trace: scripts read stdout, people read the one line.
 */
public final class AssureMain {
    /** Success. */
    public static final int EXIT_OK = 0;
    /** A bug in the tool: something threw that no command expected. */
    public static final int EXIT_INTERNAL = 1;
    /** Bad usage, bad input or an unreadable file. */
    public static final int EXIT_USAGE = 2;

    private AssureMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = commandLine(System.in, out, err).execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands only Exceptions to the handler; an Error (say, a class that failed to initialise) ends
            // here, still as one line.
            err.println("error: internal error (" + e.getClass().getName() + ")");
            code = EXIT_INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The configured command line, for {@link #main} and for tests that run commands in-process.
     *
     * @param stdin read by commands given {@code -} (or no file) as input
     */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        return commandLine(stdin, out, err, Clock.systemUTC());
    }

    /** As {@link #commandLine(InputStream, PrintWriter, PrintWriter)} with the clock that defines "now". */
    static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err, Clock clock) {
        return commandLine(stdin, out, err, clock, Lifecycle.untilExit());
    }

    /** As above, with what tells {@code authority start} to stop (tests). */
    static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err, Clock clock,
            Lifecycle lifecycle) {
        return commandLine(stdin, out, err, clock, lifecycle, System.getenv());
    }

    /** As above, with the environment the commands see (tests). */
    static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err, Clock clock,
            Lifecycle lifecycle, java.util.Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new AssureCommand(stdin, clock, lifecycle, environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.registerConverter(UUID.class, AssureMain::uuid);
        commandLine.setParameterExceptionHandler(usageErrors());
        commandLine.setExecutionExceptionHandler(executionErrors());
        return commandLine;
    }

    private static IParameterExceptionHandler usageErrors() {
        return (ParameterException e, String[] args) -> {
            CommandLine failed = e.getCommandLine();
            String hint = failed.getCommandSpec().qualifiedName();
            String message = oneLine(e.getMessage()).replaceFirst("^Error: ", "");
            failed.getErr().println("error: " + message + " (see '" + hint + " --help')");
            failed.getErr().flush();
            return EXIT_USAGE;
        };
    }

    private static IExecutionExceptionHandler executionErrors() {
        return (Exception e, CommandLine failed, ParseResult parsed) -> {
            if (e instanceof CliException) {
                failed.getErr().println("error: " + oneLine(e.getMessage()));
                failed.getErr().flush();
                return EXIT_USAGE;
            }
            // Unexpected: name the exception type only, its message might carry data the user passed in.
            failed.getErr().println("error: internal error (" + e.getClass().getName() + ")");
            failed.getErr().flush();
            return EXIT_INTERNAL;
        };
    }

    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /** Only the canonical 8-4-4-4-12 form: {@link UUID#fromString} also takes abbreviated groups. */
    static UUID uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new TypeConversionException("not a UUID (expected 8-4-4-4-12 hex digits)");
        }
        return UUID.fromString(text);
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    /** {@code assure --version}: the Maven project version, filtered into a resource at build time. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = AssureMain.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"assure " + properties.getProperty("version", "unknown")};
        }
    }
}
