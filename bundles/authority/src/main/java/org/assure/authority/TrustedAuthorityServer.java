package org.assure.authority;

import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.assure.authority.internal.AuthorityServices;
import org.assure.authority.internal.coap.BootstrapCredentials;
import org.assure.authority.internal.coap.BootstrapResources;
import org.assure.authority.internal.coap.CoapServers;
import org.assure.authority.internal.http.AuthorityDocument;
import org.assure.authority.internal.http.HttpsServer;
import org.assure.authority.internal.http.TrustedAuthorityHandler;
import org.assure.authority.internal.identity.MasterKeyFile;
import org.assure.authority.internal.store.Database;
import org.assure.core.model.EcKey;
import org.assure.core.model.RsaKey;
import org.eclipse.californium.core.CoapServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Trusted Authority (draft §9): its database, its keys and its HTTPS Manufacturer and Owner APIs, and
 * the public {@code GET /v1/authority} document (CA, Identity Service key, Trusted Authority keys, bootstrap
 * service key and address) a manufacturer starts from.
 * Standalone code starts it with {@link #start}; inside OSGi a component does the same from its configuration.
 */
public final class TrustedAuthorityServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrustedAuthorityServer.class);
    private final AuthorityServices services;
    private final HttpsServer https;
    private final CoapServer bootstrap;
    private final AuthoritySettings settings;

    private TrustedAuthorityServer(AuthoritySettings settings, AuthorityServices services, HttpsServer https,
            CoapServer bootstrap) {
        this.settings = settings;
        this.services = services;
        this.https = https;
        this.bootstrap = bootstrap;
    }

    /**
     * Opens the database (migrating it), loads or creates the keys and starts the HTTPS APIs.
     *
     * @throws AuthorityException UNAVAILABLE if the database, master key or port cannot be used
     */
    public static TrustedAuthorityServer start(AuthoritySettings settings) throws AuthorityException {
        SecureRandom random = new SecureRandom();
        Database db;
        try {
            db = Database.open(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(),
                    settings.maxConnections());
        } catch (SQLException e) {
            throw new AuthorityException(org.assure.core.error.ErrorKind.UNAVAILABLE, "database unavailable", e);
        }
        AuthorityServices services;
        try {
            services = AuthorityServices.open(db, MasterKeyFile.loadOrCreate(settings.masterKeyFile(), random),
                    settings.tlsHosts(), random);
        } catch (IOException e) {
            db.close();
            throw new AuthorityException(org.assure.core.error.ErrorKind.UNAVAILABLE, "master key unavailable", e);
        }
        Set<String> manufacturers = settings.manufacturers().stream().map(TrustedAuthorityHandler::fingerprint)
                .collect(Collectors.toSet());
        var keys = services.keys();
        X509Certificate ca = keys.ca().certificate().orElseThrow();
        try {
            List<X509Certificate> trusted = new java.util.ArrayList<>(settings.manufacturers());
            trusted.add(ca);
            AtomicReference<byte[]> document = new AtomicReference<>();
            HttpsServer https = HttpsServer.start(settings.https(), keys.tls().pair().getPrivate(),
                    new X509Certificate[] {keys.tls().certificate().orElseThrow(), ca}, trusted,
                    new TrustedAuthorityHandler(services.trustedAuthority(), manufacturers, document::get));
            CoapServer bootstrap;
            try {
                bootstrap = CoapServers.start(settings.bootstrapCoap(),
                        new BootstrapCredentials(services.trustedAuthority(), keys),
                        BootstrapResources.root(services.trustedAuthority()));
            } catch (RuntimeException e) {
                https.close();
                throw e;
            }
            LOG.info("Trusted Authority HTTPS APIs on port {}, Bootstrap API (CoAP/DTLS) on port {}", https.port(),
                    CoapServers.port(bootstrap));
            TrustedAuthorityServer server = new TrustedAuthorityServer(settings, services, https, bootstrap);
            document.set(AuthorityDocument.encode(server.httpsUri(), ca, server.identityServiceKey(),
                    server.trustedAuthorityKey(), server.trustedAuthorityRsaKey(), server.bootstrapServiceKey(),
                    server.bootstrapAddress()));
            return server;
        } catch (Exception e) {
            services.close();
            throw new AuthorityException(org.assure.core.error.ErrorKind.UNAVAILABLE, "HTTPS server did not start", e);
        }
    }

    /** Base URI of the Manufacturer and Owner APIs. */
    public URI httpsUri() {
        return URI.create("https://" + settings.https().getHostString() + ":" + https.port());
    }

    /** Address of the Bootstrap API (CoAP over DTLS, draft §9.4). */
    public java.net.InetSocketAddress bootstrapAddress() {
        return new java.net.InetSocketAddress(settings.bootstrapCoap().getAddress(), CoapServers.port(bootstrap));
    }

    /** The bootstrap service's key id and public key (its raw public key, class 3, draft §15.4). */
    public EcKey bootstrapServiceKey() {
        var key = services.keys().bootstrap();
        return EcKey.publicKey(key.keyId(), org.assure.core.crypto.Keys.encodePublic(key.pair().getPublic()));
    }

    /** The CA that issued the HTTPS certificate and the management systems' certificates. */
    public X509Certificate caCertificate() {
        return services.keys().ca().certificate().orElseThrow();
    }

    /** The Identity Service key manufacturers encrypt device records to ({@link Ecies}). */
    public PublicKey identityServiceKey() {
        return services.keys().identity().pair().getPublic();
    }

    /** The Trusted Authority key EC devices (and EC-capable RSA devices) install at manufacture. */
    public EcKey trustedAuthorityKey() {
        return services.keys().trustedAuthorityKey();
    }

    /** The Trusted Authority key RSA devices without EC capability install at manufacture. */
    public RsaKey trustedAuthorityRsaKey() {
        return services.keys().trustedAuthorityRsaKey();
    }

    /** For the bundle's own services (bootstrap server, tests); not part of the exported contract. */
    AuthorityServices services() {
        return services;
    }

    @Override
    public void close() {
        bootstrap.destroy();
        try {
            https.close();
        } catch (Exception e) {
            LOG.warn("HTTPS server did not stop cleanly", e);
        }
        services.close();
    }
}
