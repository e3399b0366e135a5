package org.assure.bootstrap.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * The validated configuration of {@link BootstrapConfig}; a bad value fails activation naming the property.
 */
record BootstrapSettings(boolean autoBootstrap, String serverHost, String serverDomainSuffix, int serverPort,
        InetAddress bindAddress, Duration requestTimeout, Duration handshakeTimeout, Duration retryInitial,
        Duration retryMax, double retryJitter, Duration goodbyeTimeout) {
    BootstrapSettings {
        Objects.requireNonNull(serverHost, "serverHost");
        Objects.requireNonNull(serverDomainSuffix, "serverDomainSuffix");
        Objects.requireNonNull(bindAddress, "bindAddress");
    }

    static BootstrapSettings of(BootstrapConfig config) {
        String host = trim(config.server_host());
        String suffix = trim(config.server_domain_suffix());
        if (host.isEmpty() && (suffix.isEmpty() || suffix.startsWith(".") || suffix.contains(" "))) {
            throw new IllegalArgumentException("server_domain_suffix must be a domain name when server_host is empty");
        }
        requireRange("server_port", config.server_port(), 1, 65535);
        requireRange("request_timeout_seconds", config.request_timeout_seconds(), 1, 600);
        // the DTLS engine retransmits first after 1 s and needs the handshake timeout to be longer than that
        requireRange("handshake_timeout_seconds", config.handshake_timeout_seconds(), 2, 600);
        requireRange("retry_initial_seconds", config.retry_initial_seconds(), 1, 86400);
        requireRange("retry_max_seconds", config.retry_max_seconds(), config.retry_initial_seconds(), 86400);
        requireRange("retry_jitter_percent", config.retry_jitter_percent(), 0, 100);
        requireRange("goodbye_timeout_seconds", config.goodbye_timeout_seconds(), 0, 60);
        InetAddress bind;
        String bindText = trim(config.bind_address());
        try {
            // Only literal addresses: a name here would make activation depend on DNS.
            bind = bindText.isEmpty() ? InetAddress.getByAddress(new byte[4]) : literal(bindText);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bind_address must be an IP address", e);
        }
        return new BootstrapSettings(config.auto_bootstrap(), host, suffix, config.server_port(), bind,
                Duration.ofSeconds(config.request_timeout_seconds()),
                Duration.ofSeconds(config.handshake_timeout_seconds()), Duration.ofSeconds(config.retry_initial_seconds()),
                Duration.ofSeconds(config.retry_max_seconds()), config.retry_jitter_percent() / 100.0,
                Duration.ofSeconds(config.goodbye_timeout_seconds()));
    }

    private static InetAddress literal(String text) throws UnknownHostException {
        if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("not an IP literal");
        }
        return InetAddress.getByName(text);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max);
        }
    }
}
