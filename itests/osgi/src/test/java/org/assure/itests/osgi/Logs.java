package org.assure.itests.osgi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The framework's SLF4J log file (see {@link ExamRuntime#options(String)}). */
final class Logs {
    private Logs() {
    }

    /** The log file {@code name}.log of a framework under target/itests. */
    static String named(String name) {
        Path file = Path.of(System.getProperty("assure.itests.dir", "target/itests")).toAbsolutePath()
                .resolve(name + ".log");
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String slf4j() {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (file == null) {
            throw new IllegalStateException("no SLF4J log file configured");
        }
        try {
            return Files.exists(Path.of(file)) ? Files.readString(Path.of(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
