package org.assure.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the tool's inputs, with one-line reasons when that fails. */
final class Inputs {
    /** Largest input read: well above the largest structure the decoders accept (4 MiB). */
    static final int MAX_INPUT = 16 * 1024 * 1024;

    private Inputs() {
    }

    /** The bytes of {@code file}, or of {@code stdin} when the file is null or {@code -}. */
    static byte[] read(String file, InputStream stdin) {
        if (file == null || file.equals("-")) {
            try {
                return limited(stdin, "standard input");
            } catch (IOException e) {
                throw new CliException("cannot read standard input: " + reason(e));
            }
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new CliException("cannot read " + file + ": is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return limited(in, file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + reason(e));
        }
    }

    /** The contents of {@code file} as text (PEM, hex), same rules as {@link #read}. */
    static String readText(String file, InputStream stdin) {
        return new String(read(file, stdin), StandardCharsets.UTF_8);
    }

    private static byte[] limited(InputStream in, String name) throws IOException {
        byte[] data = in.readNBytes(MAX_INPUT + 1);
        if (data.length > MAX_INPUT) {
            throw new CliException(name + " is larger than " + MAX_INPUT + " bytes");
        }
        return data;
    }

    /** A short reason without the stack: the JDK's exception messages for files are just the path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : AssureMain.oneLine(message);
    }
}
