package org.assure.authority.internal.osgi;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.assure.authority.ManagementSettings;
import org.assure.authority.TrustedAuthorityServer;

/**
 * Turns the management server's configuration into validated {@link ManagementSettings}. Every invalid value
 * is refused with an {@link IllegalArgumentException} whose message starts with the property's id (never the
 * value of a secret), before anything is opened or bound.
 */
final class ManagementComponentSettings {
    private ManagementComponentSettings() {
    }

    /**
     * @param installerPassword the installer password in clear (decrypted through Kura's CryptoService already)
     * @param jdbcPassword      the database password in clear, empty if none
     * @param local             the Trusted Authority running in this framework, if any
     * @return the settings, or empty while the configuration relies on a local Trusted Authority that is not
     *         running (the component waits for it)
     * @throws IllegalArgumentException naming the first invalid property
     */
    static Optional<ManagementSettings> from(ManagementServerComponentConfig config, char[] installerPassword,
            char[] jdbcPassword, Optional<TrustedAuthorityServer> local) {
        Path data = path("data.directory", config.data_directory());
        InetSocketAddress registration = address("registration.address", config.registration_address(),
                "registration.port", config.registration_port(), 0);
        InetSocketAddress presence = address("presence.address", config.presence_address(), "presence.port",
                config.presence_port(), 1);
        if (presence.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("presence.address: devices' management channels name it; give the "
                    + "address devices reach, not a wildcard");
        }
        if (config.device_data_port() < 0 || config.device_data_port() > 65535) {
            throw new IllegalArgumentException("device.data.port: must be 0..65535 (0: management port + 1)");
        }
        String user = config.installer_user() == null ? "" : config.installer_user().strip();
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("installer.user: required, without ':'");
        }
        if (installerPassword.length < 8) {
            throw new IllegalArgumentException("installer.password: required, at least 8 characters");
        }
        String subject = config.subject() == null ? "" : config.subject().strip();
        try {
            if (subject.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            new X500Principal(subject);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("subject: not an X.500 name (e.g. CN=aSSURE management system)");
        }
        String jdbcUrl = config.jdbc_url() == null ? "" : config.jdbc_url().strip();
        if (!jdbcUrl.isEmpty() && !jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("jdbc.url: jdbc:postgresql:... or jdbc:h2:..., or empty for the "
                    + "embedded database");
        }
        Optional<URI> url = authorityUrl(config.trusted_authority_url());
        Optional<X509Certificate> ca = certificate(config.trusted_authority_ca());
        if ((url.isEmpty() || ca.isEmpty()) && local.isEmpty()) {
            return Optional.empty();
        }
        URI ownerApi = url.orElseGet(() -> local.orElseThrow().httpsUri());
        X509Certificate authorityCa = ca.orElseGet(() -> local.orElseThrow().caCertificate());
        ManagementSettings embedded = ManagementSettings.embedded(data, ownerApi, authorityCa,
                registration.getPort(), user, new String(installerPassword), presence);
        String password = new String(jdbcPassword);
        return Optional.of(new ManagementSettings(
                jdbcUrl.isEmpty() ? embedded.jdbcUrl() : jdbcUrl,
                jdbcUrl.isEmpty() ? embedded.jdbcUser() : config.jdbc_user() == null ? "" : config.jdbc_user(),
                jdbcUrl.isEmpty() ? embedded.jdbcPassword() : password,
                embedded.masterKeyFile(), ownerApi, authorityCa, registration, user, embedded.installerPassword(),
                presence, subject, config.device_data_port()));
    }

    private static Path path(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + ": required");
        }
        try {
            return Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(property + ": not a valid path");
        }
    }

    private static InetSocketAddress address(String property, String host, String portProperty, int port,
            int minPort) {
        if (port < minPort || port > 65535) {
            throw new IllegalArgumentException(portProperty + ": must be " + minPort + "..65535");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(property + ": required");
        }
        InetSocketAddress address = new InetSocketAddress(host.strip(), port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(property + ": not an address of this host");
        }
        return address;
    }

    private static Optional<URI> authorityUrl(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not https");
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("trusted.authority.url: an https://host:port URL, or empty for the "
                    + "Trusted Authority on this gateway");
        }
    }

    private static Optional<X509Certificate> certificate(String pem) {
        if (pem == null || pem.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("trusted.authority.ca: not a PEM certificate");
        }
    }
}
