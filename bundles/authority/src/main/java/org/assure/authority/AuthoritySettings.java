package org.assure.authority;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * How to run a Trusted Authority: its database (H2 file by default, or PostgreSQL), the master key file that seals
 * its secrets, where its HTTPS APIs listen and which names their certificate carries, and the manufacturers'
 * client certificates the Manufacturer API accepts.
 *
 * @param jdbcUrl          {@code jdbc:h2:…} or {@code jdbc:postgresql:…}
 * @param jdbcUser         database user
 * @param jdbcPassword     database password (never logged)
 * @param masterKeyFile    32-byte master key, created on first start
 * @param https            HTTPS bind address (port 0: any free port)
 * @param bootstrapCoap    bind address of the Bootstrap API, CoAP over DTLS (port 0: any free port)
 * @param tlsHosts         DNS names or IP literals for the HTTPS certificate, first one its CN
 * @param manufacturers    client certificates of the manufacturers
 * @param maxConnections   database connection pool size
 */
public record AuthoritySettings(String jdbcUrl, String jdbcUser, String jdbcPassword, Path masterKeyFile,
        InetSocketAddress https, InetSocketAddress bootstrapCoap, List<String> tlsHosts, List<X509Certificate> manufacturers, int maxConnections) {
    public AuthoritySettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(masterKeyFile, "masterKeyFile");
        Objects.requireNonNull(https, "https");
        Objects.requireNonNull(bootstrapCoap, "bootstrapCoap");
        tlsHosts = List.copyOf(tlsHosts);
        manufacturers = List.copyOf(manufacturers);
        if (tlsHosts.isEmpty()) {
            throw new IllegalArgumentException("at least one TLS host name");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
    }

    /**
     * The embedded default: an H2 file database and the master key in {@code dataDirectory}, HTTPS on loopback at
     * {@code httpsPort}, the Bootstrap API on loopback at {@code coapPort}. H2 waits up to 10 s for a row lock (its default of 1 s is too short under load).
     */
    public static AuthoritySettings embedded(Path dataDirectory, int httpsPort, int coapPort,
            List<X509Certificate> manufacturers) {
        return new AuthoritySettings("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("authority")
                + ";LOCK_TIMEOUT=10000", "sa", "", dataDirectory.resolve("master.key"),
                new InetSocketAddress("127.0.0.1", httpsPort), new InetSocketAddress("127.0.0.1", coapPort), List.of("localhost", "127.0.0.1"), manufacturers, 16);
    }

    /** The same settings on another database. */
    public AuthoritySettings withDatabase(String url, String user, String password) {
        return new AuthoritySettings(url, user, password, masterKeyFile, https, bootstrapCoap, tlsHosts, manufacturers, maxConnections);
    }

    @Override
    public String toString() {
        return "AuthoritySettings[" + jdbcUrl + ", https=" + https + "]";
    }
}
