package org.assure.runtime.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * The standalone gateway's launch options, from the {@code assure.*} system properties (README "Standalone
 * gateway"). Every option has a default; a malformed value is refused naming the property, never echoing it.
 *
 * @param home            data directory: keystore, configuration
 * @param httpPort        web console HTTP port (0 = any free port)
 * @param consoleUser     web console user
 * @param consolePassword web console password (never in toString)
 * @param managementPort  UDP port of the management channels (0 = any free port)
 * @param dataPort        UDP port of the data channels (0 = any free port)
 * @param bind            local address for the channels and the bootstrap client; empty = any
 * @param bootstrapHost   bootstrap server host; empty = the bootstrap component's default (derived from the
 *                        factory identity's bootstrap server id)
 * @param bootstrapPort   bootstrap server port, if given (else the bootstrap component's default)
 * @param identityFile    the factory identity file
 * @param passphraseFile  the file whose first line is the factory identity's passphrase
 * @param startupTimeout  how long to wait for the gateway components before giving up with FAILED
 */
record RuntimeSettings(Path home, int httpPort, String consoleUser, String consolePassword, int managementPort,
        int dataPort, String bind, String bootstrapHost, OptionalInt bootstrapPort, Path identityFile,
        Path passphraseFile, Duration startupTimeout) {
    static final String PREFIX = "assure.";

    RuntimeSettings {
        Objects.requireNonNull(home, "home");
        port(httpPort, "assure.http.port");
        port(managementPort, "assure.mgmt.port");
        port(dataPort, "assure.data.port");
        Objects.requireNonNull(consoleUser, "consoleUser");
        Objects.requireNonNull(consolePassword, "consolePassword");
        if (consoleUser.isEmpty() || consolePassword.isEmpty()) {
            throw new IllegalArgumentException("assure.console.user and assure.console.password must not be empty");
        }
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(bootstrapHost, "bootstrapHost");
        Objects.requireNonNull(bootstrapPort, "bootstrapPort");
        if (bootstrapPort.isPresent() && (bootstrapPort.getAsInt() < 1 || bootstrapPort.getAsInt() > 65535)) {
            throw new IllegalArgumentException("assure.bootstrap.port must be 1..65535");
        }
        Objects.requireNonNull(identityFile, "identityFile");
        Objects.requireNonNull(passphraseFile, "passphraseFile");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
    }

    private static void port(int port, String property) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(property + " must be 0..65535");
        }
    }

    /**
     * Reads the options.
     *
     * @param properties the property lookup (system properties), {@code null} when unset
     * @param workingDirectory where a relative {@code assure.home} is resolved
     * @throws IllegalArgumentException naming the property if a value is malformed
     */
    static RuntimeSettings from(UnaryOperator<String> properties, Path workingDirectory) {
        Path home = home(properties, workingDirectory);
        String bootstrapPort = text(properties, "assure.bootstrap.port", "");
        return new RuntimeSettings(home,
                integer(properties, "assure.http.port", 8080),
                text(properties, "assure.console.user", "admin"),
                text(properties, "assure.console.password", "admin"),
                integer(properties, "assure.mgmt.port", 5684),
                integer(properties, "assure.data.port", 5685),
                text(properties, "assure.bind", "").trim(),
                text(properties, "assure.bootstrap.host", "").trim(),
                bootstrapPort.isBlank() ? OptionalInt.empty()
                        : OptionalInt.of(integer(properties, "assure.bootstrap.port", 0)),
                home.resolve(text(properties, "assure.identity", home.resolve("factory-identity.properties")
                        .toString())).toAbsolutePath().normalize(),
                home.resolve(text(properties, "assure.passphrase.file", home.resolve("factory-passphrase")
                        .toString())).toAbsolutePath().normalize(),
                Duration.ofSeconds(integer(properties, "assure.startup.timeout.seconds", 120)));
    }

    /** The data directory alone ({@code assure.home}, default {@code ./assure-gateway-data}), as an absolute path. */
    static Path home(UnaryOperator<String> properties, Path workingDirectory) {
        return workingDirectory.resolve(text(properties, "assure.home", "assure-gateway-data")).toAbsolutePath()
                .normalize();
    }

    private static String text(UnaryOperator<String> properties, String name, String fallback) {
        String value = properties.apply(name);
        return value == null ? fallback : value;
    }

    private static int integer(UnaryOperator<String> properties, String name, int fallback) {
        String value = properties.apply(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number");
        }
    }

    /** Where the configuration admin keeps the configurations (edits made in the web console survive restarts). */
    Path configurationDirectory() {
        return home.resolve("config");
    }

    /** The keystore's data directory. */
    Path keystoreDirectory() {
        return home.resolve("keystore");
    }

    @Override
    public String toString() {
        return "RuntimeSettings[home=" + home + ", http=" + httpPort + ", mgmt=" + managementPort + ", data="
                + dataPort + ", bind=" + bind + ", bootstrap=" + bootstrapHost + ":" + bootstrapPort
                + ", identity=" + identityFile + "]";
    }
}
