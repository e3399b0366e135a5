package org.assure.authority;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * How to run a management server (draft §11): its database and master key file, the Trusted Authority's Owner API
 * and the CA that certifies it, where the Registration API listens and the installers' credentials, and the
 * address devices reach its CoAP/DTLS management endpoint at.
 *
 * @param installerPassword never logged, never in {@link #toString()}
 * @param deviceDataPort    the UDP port devices take data channels on, 1..65535; or 0 (the default): each
 *                          device's management port + 1, PROFILE §7's pairing of 5684 and 5685 (also right for
 *                          several devices sharing one address with their own port pairs). Data channels this
 *                          server issues name the peer's address (from its presence) and this port.
 */
public record ManagementSettings(String jdbcUrl, String jdbcUser, String jdbcPassword, Path masterKeyFile,
        URI ownerApi, X509Certificate authorityCa, InetSocketAddress https, String installerUser,
        String installerPassword, InetSocketAddress coap, String subject, int deviceDataPort) {
    /** Each device's data port is its management port + 1 (PROFILE §7: 5684 and 5685). */
    public static final int DATA_PORT_AFTER_MANAGEMENT_PORT = 0;

    /** As the canonical constructor, each device taking data channels on its management port + 1. */
    public ManagementSettings(String jdbcUrl, String jdbcUser, String jdbcPassword, Path masterKeyFile,
            URI ownerApi, X509Certificate authorityCa, InetSocketAddress https, String installerUser,
            String installerPassword, InetSocketAddress coap, String subject) {
        this(jdbcUrl, jdbcUser, jdbcPassword, masterKeyFile, ownerApi, authorityCa, https, installerUser,
                installerPassword, coap, subject, DATA_PORT_AFTER_MANAGEMENT_PORT);
    }

    public ManagementSettings {
        if (deviceDataPort < 0 || deviceDataPort > 65535) {
            throw new IllegalArgumentException("device data port must be 0..65535");
        }
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(masterKeyFile, "masterKeyFile");
        Objects.requireNonNull(ownerApi, "ownerApi");
        Objects.requireNonNull(authorityCa, "authorityCa");
        Objects.requireNonNull(https, "https");
        Objects.requireNonNull(installerUser, "installerUser");
        Objects.requireNonNull(installerPassword, "installerPassword");
        Objects.requireNonNull(coap, "coap");
        Objects.requireNonNull(subject, "subject");
        if (installerUser.isEmpty() || installerUser.contains(":") || installerPassword.length() < 8) {
            throw new IllegalArgumentException("installer user without ':' and a password of at least 8 characters");
        }
    }

    /** The embedded default: an H2 file database and master key in {@code dataDirectory}, loopback addresses. */
    public static ManagementSettings embedded(Path dataDirectory, URI ownerApi, X509Certificate authorityCa,
            int httpsPort, String installerUser, String installerPassword, InetSocketAddress coap) {
        return new ManagementSettings("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("management")
                + ";LOCK_TIMEOUT=10000", "sa", "", dataDirectory.resolve("management.key"), ownerApi, authorityCa,
                new InetSocketAddress("127.0.0.1", httpsPort), installerUser, installerPassword, coap,
                "CN=aSSURE management system");
    }

    /** The same settings for devices that take data channels on {@code port}. */
    public ManagementSettings withDeviceDataPort(int port) {
        return new ManagementSettings(jdbcUrl, jdbcUser, jdbcPassword, masterKeyFile, ownerApi, authorityCa, https,
                installerUser, installerPassword, coap, subject, port);
    }

    @Override
    public String toString() {
        return "ManagementSettings[" + jdbcUrl + ", ownerApi=" + ownerApi + ", https=" + https + ", coap=" + coap + "]";
    }
}
