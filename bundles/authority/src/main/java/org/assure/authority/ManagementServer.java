package org.assure.authority;

import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.assure.authority.internal.coap.ChannelIssuer;
import org.assure.authority.internal.coap.CoapServers;
import org.assure.authority.internal.coap.ManagementCredentials;
import org.assure.authority.internal.coap.PresenceResources;
import org.assure.authority.internal.http.HttpsServer;
import org.assure.authority.internal.http.OwnerApiClient;
import org.assure.authority.internal.http.RegistrationHandler;
import org.assure.authority.internal.http.TlsContexts;
import org.assure.authority.internal.identity.AtRestCipher;
import org.assure.authority.internal.identity.MasterKeyFile;
import org.assure.authority.internal.mgmt.ManagementIdentityStore;
import org.assure.authority.internal.mgmt.Registrar;
import org.assure.authority.internal.store.Database;
import org.assure.authority.internal.ta.AuthorityKeys;
import org.assure.authority.internal.ta.Certificates;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IpAddress;
import org.assure.dtls.DtlsConfig;
import org.eclipse.californium.core.CoapServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running management server (draft §11): registered with its Trusted Authority as a management system, serving
 * the Registration API over HTTPS, building and uploading bootstrap images for the devices installers register.
 */
public final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    private final Database db;
    private final HttpsServer https;
    private final CoapServer coap;
    private final X509Certificate tlsCertificate;
    private final ManagementIdentityStore.Identity identity;
    private final Registrar registrar;
    private final ManagementSettings settings;
    private final ChannelIssuer channels;
    private final OwnerApiClient owner;

    private ManagementServer(ManagementSettings settings, Database db, HttpsServer https, CoapServer coap,
            X509Certificate tls, ManagementIdentityStore.Identity identity, Registrar registrar, ChannelIssuer channels,
            OwnerApiClient owner) {
        this.channels = channels;
        this.owner = owner;
        this.settings = settings;
        this.db = db;
        this.https = https;
        this.coap = coap;
        this.tlsCertificate = tls;
        this.identity = identity;
        this.registrar = registrar;
    }

    /**
     * Opens the database, registers with the Trusted Authority on first start, and starts the Registration API.
     *
     * @throws AuthorityException UNAVAILABLE if the database, the authority or the port cannot be used
     */
    public static ManagementServer start(ManagementSettings settings) throws AuthorityException {
        SecureRandom random = new SecureRandom();
        Database db;
        try {
            db = Database.open(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(), 8);
        } catch (SQLException e) {
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "database unavailable", e);
        }
        try {
            AtRestCipher cipher = new AtRestCipher(MasterKeyFile.loadOrCreate(settings.masterKeyFile(), random), random);
            List<X509Certificate> trusted = List.of(settings.authorityCa());
            ManagementIdentityStore.Identity identity = ManagementIdentityStore.loadOrRegister(db, cipher,
                    new OwnerApiClient(settings.ownerApi(), trusted, Optional.empty()), settings.subject(), random);
            OwnerApiClient owner = new OwnerApiClient(settings.ownerApi(), trusted, Optional.of(
                    new TlsContexts.ClientKey(identity.key().pair().getPrivate(), identity.certificate())));
            Registrar registrar = new Registrar(db, owner, identity.key(),
                    IpAddress.of(settings.coap().getAddress(), 0, settings.coap().getPort()), random);
            // The Registration API's own TLS certificate: self-signed, made at each start (installers pin it).
            KeyPair caKey = KeyGeneration.generate(GenerateKeyType.EC_P256, random);
            X509Certificate tls = Certificates.selfSignedCa(caKey, "aSSURE management server", AuthorityKeys.serial(random));
            KeyPair tlsKey = KeyGeneration.generate(GenerateKeyType.EC_P256, random);
            X509Certificate leaf = Certificates.server(tls, caKey.getPrivate(), tlsKey.getPublic(),
                    List.of(settings.https().getHostString(), "localhost"), AuthorityKeys.serial(random));
            ChannelIssuer channels = new ChannelIssuer(registrar, random, DtlsConfig.defaults(), settings.coap().getAddress(),
                    settings.deviceDataPort());
            HttpsServer https = HttpsServer.start(settings.https(), tlsKey.getPrivate(), new X509Certificate[] {leaf, tls},
                    trusted, new RegistrationHandler(registrar, channels, settings.installerUser(),
                            settings.installerPassword().toCharArray()));
            CoapServer coap;
            try {
                coap = CoapServers.start(settings.coap(), new ManagementCredentials(registrar),
                        PresenceResources.root(registrar));
            } catch (RuntimeException e) {
                https.close();
                throw e;
            }
            LOG.info("management server {}: registration API on port {}, presence (CoAP/DTLS) on port {}",
                    identity.mgmtId(), https.port(), CoapServers.port(coap));
            return new ManagementServer(settings, db, https, coap, tls, identity, registrar, channels, owner);
        } catch (AuthorityException e) {
            db.close();
            throw e;
        } catch (IOException e) {
            db.close();
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "master key unavailable", e);
        } catch (Exception e) {
            db.close();
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "management server did not start", e);
        }
    }

    public URI registrationUri() {
        return URI.create("https://" + settings.https().getHostString() + ":" + https.port());
    }

    /** The CA (made at each start) of the Registration API's certificate, for installers to trust. */
    public X509Certificate tlsCertificate() {
        return tlsCertificate;
    }

    /** This management system's id at its Trusted Authority (its certificate serial, hex). */
    public String mgmtId() {
        return identity.mgmtId();
    }

    /** This management system's key id (the subject key identifier of its certificate). */
    public java.util.UUID keyId() {
        return identity.key().keyId();
    }

    /**
     * Issues the data channels of {@code topology} over {@code devices} (draft §13, §4.3, devices in list order)
     * and pushes the keys and channel definitions to each device's management port over DTLS, authenticated as
     * this management system. Each device is planned for from its configuration data and the address of its last
     * presence; if any device cannot be (not ours, {@code no presence yet}), nothing is pushed. Failures are
     * reported per device in the result, never hidden.
     *
     * @throws IllegalArgumentException fewer than two devices, or a device named twice
     * @throws AuthorityException       UNAVAILABLE if the database cannot be read or keys cannot be made
     */
    public ChannelIssuance issueChannels(List<java.util.UUID> devices, Topology topology) throws AuthorityException {
        return channels.issue(List.copyOf(devices), topology);
    }

    /** The data channel between {@code a} and {@code b}; see {@link #issueChannels(List, Topology)}. */
    public ChannelIssuance issueChannel(java.util.UUID a, java.util.UUID b) throws AuthorityException {
        return issueChannels(List.of(a, b), Topology.STAR);
    }

    /**
     * Gives a device this management system owns to another management system (draft §9.3.3, the change of owner
     * of §14.7). The Trusted Authority then serves the device only the new owner's bootstrap image and refuses us;
     * the device keeps trusting us until it bootstraps again ({@link #requestBootstrap}).
     *
     * @param newOwner the management id of the new owner (hex)
     * @throws AuthorityException FORBIDDEN if the authority refused (not our device, unknown management id),
     *                            UNAVAILABLE if it cannot be reached
     */
    public void transfer(java.util.UUID device, String newOwner) throws AuthorityException {
        owner.transfer(device, newOwner);
    }

    /**
     * Asks a device to bootstrap again: {@code PUT /v1/bootstrap} (draft §10.1.15; the "reset device bootstrap"
     * of §14.7) to its management port over DTLS, authenticated with the keys its bootstrap image gave it for us.
     * After a change of owner the old owner sends it, so that the device fetches the new owner's image.
     *
     * @return the request with the device's answer code ({@code 2.04} when it accepted)
     * @throws AuthorityException UNAUTHENTICATED for a device that is not ours; UNAVAILABLE when it has no
     *                            presence yet or did not answer (a DTLS handshake it refused, a timeout)
     */
    public PushedRequest requestBootstrap(java.util.UUID device) throws AuthorityException {
        return channels.request(device, "PUT", "v1/bootstrap");
    }

    Registrar registrar() {
        return registrar;
    }

    ManagementIdentityStore.Identity identity() {
        return identity;
    }

    @Override
    public void close() {
        coap.destroy();
        try {
            https.close();
        } catch (Exception e) {
            LOG.warn("registration API did not stop cleanly", e);
        }
        db.close();
    }
}
