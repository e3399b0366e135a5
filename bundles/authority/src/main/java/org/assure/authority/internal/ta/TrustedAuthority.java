package org.assure.authority.internal.ta;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.identity.IdentityService;
import org.assure.authority.internal.store.Database;
import org.assure.authority.internal.ta.ManagementSystems.ManagementSystem;
import org.assure.authority.internal.ta.OwnerStateMachine.Request;
import org.assure.core.cbor.BootstrapImageCodec;
import org.assure.core.cbor.CborDecodeException;
import org.assure.core.cbor.KeyDefinitionCodec;
import org.assure.core.cbor.OwnerInformationCodec;
import org.assure.core.crypto.CmsOptions;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.BootstrapImage;
import org.assure.core.model.Bytes;
import org.assure.core.model.ConfigurationData;
import org.assure.core.model.DerivedSecretKey;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.EcKey;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.OwnerInformation;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.DerivationReference;
import org.assure.core.trust.DerivedSecrets;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.assure.core.trust.Validity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Trusted Authority (draft §9): devices uploaded by manufacturers, their owners, the configuration data of
 * §15.2 and the bootstrap images owners upload. Each operation is one transaction on the device's locked row, so
 * concurrent claims, transfers and uploads serialise per device and none is lost.
 *
 * <p>Keys it hands a device's owner (PROFILE-ADDITIONS): the management system key, signed by the authority as
 * class 2 — the owner's EC key itself for devices that can verify ECDSA, else a derived secret (from the device
 * key or secret, and from the owner's EC key) for HMAC-signed images; and the bootstrap key, a derived secret
 * (from the device key or secret, and from the bootstrap service key) signed as class 3, which is the PSK of the
 * bootstrap DTLS handshake. EC devices also get the bootstrap service's EC key (class 3) for raw-public-key
 * handshakes.
 */
public final class TrustedAuthority {
    private static final Logger LOG = LoggerFactory.getLogger(TrustedAuthority.class);
    /** Largest bootstrap image accepted (PROFILE §1 allows 1 MiB byte strings inside an image). */
    public static final int MAX_IMAGE = 1024 * 1024 + 64 * 1024;
    private static final int SECRET_LENGTH = 32;

    private final Database db;
    private final AuthorityKeys keys;
    private final IdentityService identity;
    private final ManagementSystems managementSystems;
    private final ParameterSets parameterSets;
    private final SecureRandom random;

    public TrustedAuthority(Database db, AuthorityKeys keys, IdentityService identity, SecureRandom random) {
        this.db = db;
        this.keys = keys;
        this.identity = identity;
        this.random = random;
        this.managementSystems = new ManagementSystems(db, keys, random);
        this.parameterSets = new ParameterSets(db);
    }

    public AuthorityKeys keys() {
        return keys;
    }

    public ManagementSystems managementSystems() {
        return managementSystems;
    }

    public ParameterSets parameterSets() {
        return parameterSets;
    }

    // ---- Manufacturer API, §9.2.1 ----

    /**
     * Stores a device from a manufacturer's ECIES upload.
     *
     * @throws AuthorityException MALFORMED (does not decrypt or decode, or names another device), FORBIDDEN (the
     *                            device exists), TOO_LARGE
     */
    public void uploadDevice(String manufacturer, UUID pathId, byte[] upload) throws AuthorityException {
        IdentityService.Upload opened = identity.open(pathId, upload);
        DeviceRecord record = opened.record();
        DeviceRow row = new DeviceRow();
        row.id = record.id();
        row.manufacturer = manufacturer;
        row.bootstrapServer = record.bootstrapServer();
        row.caseSealed = opened.sealedCase();
        row.secretSealed = opened.sealedSecret();
        row.parameterSet = record.parameterSet().orElse(null);
        row.capabilities = record.capabilities();
        List<DerivationReference> toBootstrapService = List.of(new DerivationReference.Public(
                keys.bootstrap().keyId(), keys.bootstrap().pair().getPublic(), CmsOptions.DEFAULT));
        DerivedSecretKey bootstrapKey;
        try {
            if (record.publicKeyPem().isPresent()) {
                PublicKey devicePublic = parsePem(record.publicKeyPem().get());
                row.keyFormat = Keys.format(devicePublic);
                row.publicKey = Keys.encodePublic(devicePublic).toByteArray();
                List<DerivationReference> refs = new ArrayList<>();
                refs.add(new DerivationReference.Public(row.id, devicePublic, CmsOptions.DEFAULT));
                refs.addAll(toBootstrapService);
                bootstrapKey = DerivedSecrets.create(UUID.randomUUID(),
                        KeyGeneration.randomSecret(SECRET_LENGTH, random), refs, random);
            } else {
                row.keyFormat = KeyFormat.DERIVED_SECRET;
                bootstrapKey = identity.deriveFromDevice(row.id, row.secretSealed, UUID.randomUUID(), toBootstrapService);
            }
        } catch (CryptoException e) {
            throw new AuthorityException(ErrorKind.MALFORMED, "unusable device key");
        }
        row.bootstrapKey = KeyDefinitionCodec.encode(bootstrapKey);
        db.transaction(c -> {
            if (Devices.exists(c, row.id)) {
                throw new AuthorityException(ErrorKind.FORBIDDEN, "device exists");
            }
            try {
                Devices.insert(c, row);
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    // Another upload of the same device committed between our check and our insert.
                    throw new AuthorityException(ErrorKind.FORBIDDEN, "device exists");
                }
                throw e;
            }
            return null;
        });
        LOG.info("device {} created by manufacturer {}", row.id, manufacturer);
    }

    private static PublicKey parsePem(String pem) throws CryptoException {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(ErrorKind.MALFORMED, "public key PEM is not base64");
        }
        try {
            return Keys.publicKey(KeyFormat.EC, Bytes.of(der));
        } catch (CryptoException notEc) {
            return Keys.publicKey(KeyFormat.RSA, Bytes.of(der));
        }
    }

    // ---- Owner API, §9.3.2–§9.3.5 ----

    /** Claims, transfers, claims-and-assigns or releases a device; FORBIDDEN as the draft says. */
    public void changeOwner(String requester, UUID device, Optional<String> caseString, Optional<Optional<String>> target)
            throws AuthorityException {
        db.transaction(c -> {
            DeviceRow row = Devices.find(c, device, true).orElseThrow(AuthorityException::forbidden);
            Request request;
            if (target.isPresent() && target.get().isPresent()
                    && ManagementSystems.find(c, target.get().get()).isEmpty()) {
                // An unknown new owner is refused like an unknown device: the draft gives 403 only.
                throw AuthorityException.forbidden();
            }
            boolean caseOk = caseString.isPresent() && identity.caseMatches(device, row.caseSealed, caseString.get());
            if (caseString.isPresent() && target.isPresent() && target.get().isPresent()) {
                request = new Request.ClaimAndAssign(requester, caseOk, target.get().get());
            } else if (caseString.isPresent() && target.isEmpty()) {
                request = new Request.Claim(requester, caseOk);
            } else if (caseString.isEmpty() && target.isPresent() && target.get().isPresent()) {
                request = new Request.Transfer(requester, target.get().get());
            } else if (caseString.isEmpty() && target.isPresent()) {
                request = new Request.Release(requester);
            } else {
                throw new AuthorityException(ErrorKind.MALFORMED, "case_string or mgmtid required");
            }
            OwnerStateMachine.Transition t = OwnerStateMachine.decide(row.owner, request)
                    .orElseThrow(AuthorityException::forbidden);
            if (!t.changed()) {
                return null;
            }
            applyOwner(c, row, t.newOwner());
            Devices.updateOwnership(c, row);
            return null;
        });
    }

    private void applyOwner(Connection c, DeviceRow row, Optional<String> newOwner)
            throws SQLException, AuthorityException {
        if (row.ownerSequence >= OwnerInformation.MAX_SEQUENCE) {
            throw new AuthorityException(ErrorKind.UNAVAILABLE, "owner sequence exhausted");
        }
        row.ownerSequence++;
        row.owner = newOwner;
        // The old owner's image must never reach the device again, nor its keys the new owner's configuration.
        row.bootstrapImage = null;
        row.ownerInformation = null;
        row.configKeys = null;
        if (newOwner.isEmpty()) {
            return;
        }
        ManagementSystem ms = ManagementSystems.find(c, newOwner.get()).orElseThrow(AuthorityException::forbidden);
        try {
            SigningKey signer = signerFor(row);
            row.ownerInformation = OwnerInformationCodec.encode(
                    signer.ownerInformation(row.id, row.ownerSequence, Validity.UNBOUNDED));
            List<AuthenticatedKey> config = new ArrayList<>();
            config.add(signer.authenticate(IdentityClass.MANAGEMENT_SYSTEM, managementKeyFor(row, ms),
                    KeyMetadata.NONE, Validity.UNBOUNDED));
            DerivedSecretKey bootstrapKey = (DerivedSecretKey) KeyDefinitionCodec.decode(row.bootstrapKey);
            config.add(signer.authenticate(IdentityClass.BOOTSTRAP_SERVICE, bootstrapKey, KeyMetadata.NONE,
                    Validity.UNBOUNDED));
            if (row.keyFormat == KeyFormat.EC) {
                config.add(keys.bootstrapAuthenticated());
            } else if (row.keyFormat == KeyFormat.RSA) {
                // Draft §15.4: the device accepts the server's raw key provisionally and keeps the image only if
                // the key is in it as class 3; signed by the anchor this device verifies (RSA for RSA-only ones).
                config.add(signer.authenticate(IdentityClass.BOOTSTRAP_SERVICE, keys.bootstrapRsaKey(),
                        KeyMetadata.NONE, Validity.UNBOUNDED));
            }
            row.configKeys = KeyLists.encode(config);
        } catch (CryptoException | CborDecodeException e) {
            throw new IllegalStateException("cannot build keys for device " + row.id, e);
        }
    }

    private SigningKey signerFor(DeviceRow row) throws CryptoException {
        if (row.keyFormat == KeyFormat.DERIVED_SECRET) {
            return identity.anchorSigner(row.id, row.secretSealed);
        }
        if (row.keyFormat == KeyFormat.RSA && !row.capabilities.ecCapable()) {
            return keys.rsaSigner();
        }
        return keys.signer();
    }

    /** The key that signs the owner's images for this device (see the class comment). */
    private org.assure.core.model.KeyDefinition managementKeyFor(DeviceRow row, ManagementSystem ms)
            throws CryptoException {
        DerivationReference toOwner = new DerivationReference.Public(ms.keyId(), ms.publicKey(), CmsOptions.DEFAULT);
        if (row.keyFormat == KeyFormat.DERIVED_SECRET) {
            return identity.deriveFromDevice(row.id, row.secretSealed, UUID.randomUUID(), List.of(toOwner));
        }
        if (row.keyFormat == KeyFormat.RSA && !row.capabilities.ecCapable()) {
            PublicKey device = Keys.publicKey(KeyFormat.RSA, Bytes.of(row.publicKey));
            return DerivedSecrets.create(UUID.randomUUID(), KeyGeneration.randomSecret(SECRET_LENGTH, random),
                    List.of(new DerivationReference.Public(row.id, device, CmsOptions.DEFAULT), toOwner), random);
        }
        return EcKey.publicKey(ms.keyId(), Keys.encodePublic(ms.publicKey()));
    }

    // ---- Owner API, §9.3.6–§9.3.8 and the configuration data of §15.2 ----

    /** The device's parameter set, for its owner only. */
    public byte[] deviceParameterSet(String requester, UUID device) throws AuthorityException {
        return db.transaction(c -> {
            DeviceRow row = owned(c, requester, device, false);
            if (row.parameterSet == null) {
                throw AuthorityException.forbidden();
            }
            return ParameterSets.find(c, row.parameterSet).orElseThrow(AuthorityException::forbidden);
        });
    }

    /** The configuration data (§15.2) for the device's current owner. */
    public ConfigurationData configuration(String requester, UUID device) throws AuthorityException {
        return db.transaction(c -> {
            DeviceRow row = owned(c, requester, device, false);
            List<String> choices = List.of(ParameterChoice.encode(row.parameterSet, row.publicKey == null
                    ? Optional.empty() : Optional.of(Bytes.of(row.publicKey))));
            try {
                return new ConfigurationData(row.id, row.bootstrapServer, row.capabilities,
                        KeyLists.decode(row.configKeys), OwnerInformationCodec.decode(row.ownerInformation), choices);
            } catch (CborDecodeException e) {
                throw new IllegalStateException("stored owner information corrupt", e);
            }
        });
    }

    /**
     * Stores the owner's bootstrap image for the device.
     *
     * @throws AuthorityException FORBIDDEN (not the owner), MALFORMED (not a bootstrap image, or its owner
     *                            information is not the current one), TOO_LARGE
     */
    public void putBootstrap(String requester, UUID device, byte[] image) throws AuthorityException {
        if (image.length > MAX_IMAGE) {
            throw new AuthorityException(ErrorKind.TOO_LARGE, "bootstrap image too large");
        }
        BootstrapImage decoded;
        try {
            decoded = BootstrapImageCodec.decode(image);
        } catch (CborDecodeException e) {
            throw new AuthorityException(ErrorKind.MALFORMED, "malformed bootstrap image");
        }
        db.transaction(c -> {
            DeviceRow row = owned(c, requester, device, true);
            try {
                if (!decoded.owner().equals(OwnerInformationCodec.decode(row.ownerInformation))) {
                    // A device would refuse it anyway (a stale sequence) or it was not signed by this authority.
                    throw new AuthorityException(ErrorKind.MALFORMED, "owner information is not the current one");
                }
            } catch (CborDecodeException e) {
                throw new IllegalStateException("stored owner information corrupt", e);
            }
            row.bootstrapImage = image.clone();
            Devices.updateOwnership(c, row);
            return null;
        });
    }

    /** The owner's stored image; FORBIDDEN for anyone else or when there is none. */
    public byte[] getBootstrap(String requester, UUID device) throws AuthorityException {
        return db.transaction(c -> {
            DeviceRow row = owned(c, requester, device, false);
            if (row.bootstrapImage == null) {
                throw AuthorityException.forbidden();
            }
            return row.bootstrapImage;
        });
    }

    private static DeviceRow owned(Connection c, String requester, UUID device, boolean forUpdate)
            throws SQLException, AuthorityException {
        DeviceRow row = Devices.find(c, device, forUpdate).orElseThrow(AuthorityException::forbidden);
        if (!row.owner.equals(Optional.of(requester))) {
            throw AuthorityException.forbidden();
        }
        return row;
    }

    // ---- Bootstrap API, §9.4 ----

    /** What the bootstrap service needs for one device's DTLS handshake: the PSK chain and the PSK. */
    public record BootstrapCredentials(UUID deviceId, DerivedSecretKey bootstrapKey, SecretBytes psk,
            Optional<PublicKey> deviceKey) {
        @Override
        public String toString() {
            return "BootstrapCredentials[" + deviceId + "]";
        }
    }

    /** The device's bootstrap credentials, or empty for an unknown device. */
    public Optional<BootstrapCredentials> bootstrapCredentials(UUID device) throws AuthorityException {
        Optional<DeviceRow> found = db.transaction(c -> Devices.find(c, device, false));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeviceRow row = found.get();
        try {
            DerivedSecretKey key = (DerivedSecretKey) KeyDefinitionCodec.decode(row.bootstrapKey);
            TrustedKey service = TrustedKey.anchor(new EcKey(keys.bootstrap().keyId(),
                    Keys.encodePublic(keys.bootstrap().pair().getPublic()),
                    Keys.encodePrivate(keys.bootstrap().pair().getPrivate())), IdentityClass.BOOTSTRAP_SERVICE);
            SecretBytes psk = DerivedSecrets.resolve(key, TrustedKeys.of(List.of(service)))
                    .orElseThrow(() -> new IllegalStateException("bootstrap key not derived for the service"));
            Optional<PublicKey> deviceKey = row.publicKey == null ? Optional.empty()
                    : Optional.of(Keys.publicKey(row.keyFormat, Bytes.of(row.publicKey)));
            return Optional.of(new BootstrapCredentials(row.id, key, psk, deviceKey));
        } catch (CryptoException | CborDecodeException e) {
            throw new IllegalStateException("stored bootstrap key unusable for " + row.id, e);
        }
    }

    /** The image the device's owner uploaded, for the device itself (§9.4.1). */
    public Optional<byte[]> bootstrapImage(UUID device) throws AuthorityException {
        return db.transaction(c -> Devices.find(c, device, false).map(row -> row.bootstrapImage));
    }

    /** The current owner and owner sequence of a device (for status pages and tests). */
    public record Ownership(Optional<String> owner, long sequence) {
    }

    public Optional<Ownership> ownership(UUID device) throws AuthorityException {
        return db.transaction(c -> Devices.find(c, device, false).map(r -> new Ownership(r.owner, r.ownerSequence)));
    }
}
