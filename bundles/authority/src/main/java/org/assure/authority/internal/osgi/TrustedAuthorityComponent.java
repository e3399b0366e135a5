package org.assure.authority.internal.osgi;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.assure.authority.AuthorityException;
import org.assure.authority.AuthoritySettings;
import org.assure.authority.TrustedAuthorityServer;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs a Trusted Authority inside OSGi (a walled-garden gateway, draft §5.2) from its ConfigAdmin configuration.
 * An invalid configuration fails activation, naming the property.
 */
@Component(name = TrustedAuthorityComponent.PID, configurationPid = TrustedAuthorityComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = ConfigurableComponent.class)
@Designate(ocd = TrustedAuthorityComponentConfig.class)
public final class TrustedAuthorityComponent implements ConfigurableComponent {
    static final String PID = "org.assure.authority.TrustedAuthority";
    private final TrustedAuthorityServer server;

    @Activate
    public TrustedAuthorityComponent(TrustedAuthorityComponentConfig config) throws AuthorityException {
        this.server = TrustedAuthorityServer.start(settings(config));
    }

    static AuthoritySettings settings(TrustedAuthorityComponentConfig config) {
        Path dir = Path.of(config.dataDirectory());
        List<X509Certificate> manufacturers = new ArrayList<>();
        String[] pems = config.manufacturerCertificates() == null ? new String[0] : config.manufacturerCertificates();
        for (String pem : pems) {
            if (pem == null || pem.isBlank()) {
                continue;
            }
            try {
                manufacturers.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
            } catch (CertificateException | RuntimeException e) {
                throw new IllegalArgumentException("manufacturerCertificates: not a PEM certificate");
            }
        }
        AuthoritySettings base = AuthoritySettings.embedded(dir, config.httpsPort(), config.bootstrapPort(), manufacturers);
        AuthoritySettings bound = new AuthoritySettings(base.jdbcUrl(), base.jdbcUser(), base.jdbcPassword(),
                base.masterKeyFile(), new InetSocketAddress(config.bindAddress(), config.httpsPort()),
                new InetSocketAddress(config.bindAddress(), config.bootstrapPort()), List.of(config.tlsHosts()),
                manufacturers, base.maxConnections());
        if (config.jdbcUrl() != null && !config.jdbcUrl().isBlank()) {
            return bound.withDatabase(config.jdbcUrl(), config.jdbcUser(),
                    config.jdbcPassword() == null ? "" : config.jdbcPassword());
        }
        return bound;
    }

    @Deactivate
    void deactivate() {
        server.close();
    }
}
