package org.assure.authority.internal.osgi;

import java.util.Arrays;
import java.util.Optional;
import org.assure.authority.AuthorityException;
import org.assure.authority.ManagementServer;
import org.assure.authority.ManagementSettings;
import org.assure.authority.TrustedAuthorityServer;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a management server inside OSGi (a walled-garden gateway, draft §5.2) from its ConfigAdmin configuration:
 * activation validates the configuration (an invalid one fails activation naming the property, nothing is
 * opened or bound), registers with the Trusted Authority on first start and starts the Registration API (HTTPS)
 * and the Presence API (CoAP/DTLS); deactivation stops both and closes the database.
 *
 * <p>With an empty Trusted Authority URL or CA it uses the Trusted Authority component of this framework. Both
 * references are static and greedy: when that Trusted Authority (or Kura's CryptoService) appears or goes, SCR
 * re-activates this component, so a server waiting for its authority starts as soon as the authority does.
 */
@Component(name = ManagementServerComponent.PID, configurationPid = ManagementServerComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = ConfigurableComponent.class)
@Designate(ocd = ManagementServerComponentConfig.class)
public final class ManagementServerComponent implements ConfigurableComponent {
    static final String PID = "org.assure.authority.ManagementServer";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServerComponent.class);
    private final ManagementServer server;

    /**
     * @param localAuthority the Trusted Authority running in this framework, or {@code null}
     * @param crypto         Kura's CryptoService (decrypts password attributes), or {@code null} outside Kura
     * @throws IllegalArgumentException naming the property if the configuration is invalid
     * @throws AuthorityException       if the server cannot start (database, Trusted Authority, ports)
     */
    @Activate
    public ManagementServerComponent(ManagementServerComponentConfig config,
            @Reference(name = "localAuthority", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) TrustedAuthorityServer localAuthority,
            @Reference(name = "crypto", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) CryptoService crypto) throws AuthorityException {
        Optional<ManagementSettings> settings = settings(config, Optional.ofNullable(localAuthority), crypto);
        if (settings.isEmpty()) {
            LOG.warn("aSSURE management server waiting: trusted.authority.url or trusted.authority.ca is empty and "
                    + "no Trusted Authority runs in this framework");
            this.server = null;
            return;
        }
        try {
            this.server = ManagementServer.start(settings.get());
        } catch (AuthorityException e) {
            LOG.error("aSSURE management server not started: {}", e.getMessage());
            throw e;
        }
        LOG.info("aSSURE management server {} started: registration API {}", server.mgmtId(), server.registrationUri());
    }

    /** Validates the configuration; see {@link ManagementComponentSettings#from}. */
    static Optional<ManagementSettings> settings(ManagementServerComponentConfig config,
            Optional<TrustedAuthorityServer> localAuthority, CryptoService crypto) {
        char[] installer = KuraSecrets.reveal(config.installer_password(), crypto, "installer.password");
        char[] jdbc = new char[0];
        try {
            jdbc = KuraSecrets.reveal(config.jdbc_password(), crypto, "jdbc.password");
            return ManagementComponentSettings.from(config, installer, jdbc, localAuthority);
        } finally {
            Arrays.fill(installer, '\0');
            Arrays.fill(jdbc, '\0');
        }
    }

    /** The running server; empty while waiting for a Trusted Authority in this framework. */
    Optional<ManagementServer> server() {
        return Optional.ofNullable(server);
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.close();
            LOG.info("aSSURE management server stopped");
        }
    }
}
