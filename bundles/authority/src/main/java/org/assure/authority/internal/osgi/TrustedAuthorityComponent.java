package org.assure.authority.internal.osgi;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import org.assure.authority.AuthorityException;
import org.assure.authority.AuthoritySettings;
import org.assure.authority.TrustedAuthorityServer;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
    private final ServiceRegistration<TrustedAuthorityServer> registration;

    /**
     * Starts the Trusted Authority and offers it as a service, so that a management server component in the same
     * framework can register with it without being told its URL and CA (draft §5.2, walled garden).
     *
     * @param crypto Kura's CryptoService (decrypts the JDBC password attribute), or {@code null} outside Kura
     */
    @Activate
    public TrustedAuthorityComponent(TrustedAuthorityComponentConfig config, BundleContext context,
            @Reference(name = "crypto", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) CryptoService crypto) throws AuthorityException {
        char[] jdbcPassword = KuraSecrets.reveal(config.jdbcPassword(), crypto, "jdbcPassword");
        AuthoritySettings settings;
        try {
            settings = settings(config, new String(jdbcPassword));
        } finally {
            Arrays.fill(jdbcPassword, '\0');
        }
        this.server = TrustedAuthorityServer.start(settings);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("assure.authority.https", server.httpsUri().toString());
        this.registration = context.registerService(TrustedAuthorityServer.class, server, properties);
    }

    static AuthoritySettings settings(TrustedAuthorityComponentConfig config) {
        return settings(config, config.jdbcPassword() == null ? "" : config.jdbcPassword());
    }

    private static AuthoritySettings settings(TrustedAuthorityComponentConfig config, String jdbcPassword) {
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
            return bound.withDatabase(config.jdbcUrl(), config.jdbcUser(), jdbcPassword);
        }
        return bound;
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        server.close();
    }
}
