package org.assure.cli.internal;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.assure.core.cbor.TimestampCodec;
import org.assure.core.model.PrecisionTimestamp;
import org.assure.core.model.SimpleTimestamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code assure timestamp [--at ISO-8601]}: the simple and the precision timestamp (draft §7.11, PROFILE §8) of an
 * instant, with their CBOR encodings.
 */
@Command(name = "timestamp",
        description = {"Print the simple and precision timestamps of an instant (draft §7.11, PROFILE §8).",
                "Simple: seconds since 2010-01-01T00:00:00Z; precision: [secs, frac], frac = fraction of a second",
                "x 2^32. Each is followed by its CBOR encoding in hex."})
final class TimestampCommand implements Callable<Integer> {
    @ParentCommand
    private AssureCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--at", paramLabel = "ISO-8601",
            description = "The instant, e.g. 2026-01-01T00:00:00Z, 2026-01-01T01:00:00+01:00, 2026-01-01 (UTC). Default: now.")
    private String at;

    @Override
    public Integer call() {
        Instant instant = at == null ? parent.clock().instant() : parse(at);
        if (instant.getEpochSecond() < SimpleTimestamp.EPOCH_UNIX_SECONDS) {
            throw new CliException("instant before the aSSURE epoch 2010-01-01T00:00:00Z");
        }
        SimpleTimestamp simple = SimpleTimestamp.of(instant);
        PrecisionTimestamp precision = PrecisionTimestamp.of(instant);
        PrintWriter out = spec.commandLine().getOut();
        out.println("at: " + instant);
        out.println("simple: " + simple.seconds());
        out.println("cbor: " + Hex.format(TimestampCodec.encodeSimple(simple)));
        out.println("precision: [" + precision.seconds() + ", " + precision.fraction() + "]");
        out.println("cbor: " + Hex.format(TimestampCodec.encodePrecision(precision)));
        out.flush();
        return AssureMain.EXIT_OK;
    }

    /** An instant, an offset date-time, or a local date-time or date taken as UTC. */
    static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new CliException("--at is not an ISO-8601 instant, e.g. 2026-01-01T00:00:00Z");
        }
    }
}
