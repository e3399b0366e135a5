package org.assure.authority.internal.ta;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.identity.AtRestCipher;
import org.assure.authority.internal.store.Database;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.AuthenticatedKey;
import org.assure.core.model.Bytes;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.KeyMetadata;
import org.assure.core.model.SecretBytes;
import org.assure.core.trust.SigningKey;
import org.assure.core.trust.Validity;

/**
 * The authority's own keys, created on first start and kept in {@code authority_keys} with their private parts
 * sealed: the Trusted Authority signing key (class 1), the Identity Service's ECIES key (P-384), the CA that
 * issues management-system and TLS certificates, the HTTPS server key, and the bootstrap service key (class 3).
 */
public final class AuthorityKeys {
    /** One stored key with its aSSURE key id and, for CA and TLS keys, its certificate. */
    public record StoredKey(UUID keyId, KeyPair pair, Optional<X509Certificate> certificate) {
    }

    private final StoredKey trustedAuthority;
    private final StoredKey trustedAuthorityRsa;
    private final StoredKey identity;
    private final StoredKey ca;
    private final StoredKey tls;
    private final StoredKey bootstrap;
    private final StoredKey bootstrapRsa;
    private final AuthenticatedKey bootstrapAuthenticated;

    private AuthorityKeys(StoredKey trustedAuthority, StoredKey trustedAuthorityRsa, StoredKey identity, StoredKey ca, StoredKey tls,
            StoredKey bootstrap, StoredKey bootstrapRsa) {
        this.bootstrapRsa = bootstrapRsa;
        this.trustedAuthority = trustedAuthority;
        this.trustedAuthorityRsa = trustedAuthorityRsa;
        this.identity = identity;
        this.ca = ca;
        this.tls = tls;
        this.bootstrap = bootstrap;
        this.bootstrapAuthenticated = signer().authenticate(IdentityClass.BOOTSTRAP_SERVICE,
                EcKey.publicKey(bootstrap.keyId(), Keys.encodePublic(bootstrap.pair().getPublic())), KeyMetadata.NONE,
                Validity.UNBOUNDED);
    }

    /**
     * Loads the keys, creating any that do not exist yet.
     *
     * @param tlsHosts names the HTTPS server certificate carries (first one is its CN)
     */
    public static AuthorityKeys loadOrCreate(Database db, AtRestCipher cipher, List<String> tlsHosts,
            SecureRandom random) throws AuthorityException {
        StoredKey ta = key(db, cipher, "trusted-authority", GenerateKeyType.EC_P256, random, null);
        // RSA-only devices (no EC capability) cannot verify ECDSA, so the authority signs for them with RSA.
        StoredKey taRsa = key(db, cipher, "trusted-authority-rsa", GenerateKeyType.RSA_2048, random, null);
        StoredKey identity = key(db, cipher, "identity-service", GenerateKeyType.EC_P384, random, null);
        StoredKey ca = key(db, cipher, "ca", GenerateKeyType.EC_P256, random,
                pair -> Certificates.selfSignedCa(pair, "aSSURE Trusted Authority CA", serial(random)));
        StoredKey tls = key(db, cipher, "tls", GenerateKeyType.EC_P256, random,
                pair -> Certificates.server(ca.certificate().orElseThrow(), ca.pair().getPrivate(), pair.getPublic(),
                        tlsHosts, serial(random)));
        StoredKey bootstrap = key(db, cipher, "bootstrap-service", GenerateKeyType.EC_P256, random, null);
        // An RSA device's raw-key handshake (TLS_ECDHE_RSA, PROFILE §6) needs an RSA key on the server side too.
        StoredKey bootstrapRsa = key(db, cipher, "bootstrap-service-rsa", GenerateKeyType.RSA_2048, random, null);
        return new AuthorityKeys(ta, taRsa, identity, ca, tls, bootstrap, bootstrapRsa);
    }

    public static BigInteger serial(SecureRandom random) {
        // 72 random bits with the top bit set: always positive in DER and always at least 64 bits (draft §9.3.1).
        return new BigInteger(72, random).setBit(71);
    }

    public StoredKey trustedAuthority() {
        return trustedAuthority;
    }

    /** The Trusted Authority's signer (class 1, ECDSA P-256 with SHA-256). */
    public SigningKey signer() {
        return SigningKey.of(trustedAuthority.keyId(), trustedAuthority.pair().getPrivate());
    }

    /** The Trusted Authority key as EC and RSA devices install it at manufacture (public part only). */
    public EcKey trustedAuthorityKey() {
        return EcKey.publicKey(trustedAuthority.keyId(), Keys.encodePublic(trustedAuthority.pair().getPublic()));
    }

    /** The Trusted Authority's RSA signer (class 1, SHA-256 with RSA) for devices that cannot verify ECDSA. */
    public SigningKey rsaSigner() {
        return SigningKey.of(trustedAuthorityRsa.keyId(), trustedAuthorityRsa.pair().getPrivate());
    }

    /** The RSA Trusted Authority key as RSA-only devices install it at manufacture. */
    public org.assure.core.model.RsaKey trustedAuthorityRsaKey() {
        return org.assure.core.model.RsaKey.publicKey(trustedAuthorityRsa.keyId(),
                Keys.encodePublic(trustedAuthorityRsa.pair().getPublic()));
    }

    public StoredKey identity() {
        return identity;
    }

    public StoredKey ca() {
        return ca;
    }

    public StoredKey tls() {
        return tls;
    }

    public StoredKey bootstrap() {
        return bootstrap;
    }

    /** The bootstrap service's RSA key: its raw public key in handshakes with RSA devices (draft §15.4). */
    public StoredKey bootstrapRsa() {
        return bootstrapRsa;
    }

    /** The bootstrap service's RSA key in public form, for the configuration of RSA devices. */
    public org.assure.core.model.RsaKey bootstrapRsaKey() {
        return org.assure.core.model.RsaKey.publicKey(bootstrapRsa.keyId(),
                Keys.encodePublic(bootstrapRsa.pair().getPublic()));
    }

    /** The bootstrap service key as the Trusted Authority authenticated it (class 3). */
    public AuthenticatedKey bootstrapAuthenticated() {
        return bootstrapAuthenticated;
    }

    private interface CertificateMaker {
        X509Certificate make(KeyPair pair);
    }

    private static StoredKey key(Database db, AtRestCipher cipher, String name, GenerateKeyType type,
            SecureRandom random, CertificateMaker maker) throws AuthorityException {
        Optional<StoredKey> existing = db.transaction(c -> read(c, cipher, name));
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyPair pair = KeyGeneration.generate(type, random);
        UUID keyId = UUID.randomUUID();
        X509Certificate cert = maker == null ? null : maker.make(pair);
        return db.transaction(c -> {
            Optional<StoredKey> raced = read(c, cipher, name);
            if (raced.isPresent()) {
                return raced.get();
            }
            SecretBytes pkcs8 = Keys.encodePrivate(pair.getPrivate());
            byte[] plain = pkcs8.toByteArray();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO authority_keys "
                    + "(name, key_id, public_key, private_sealed, certificate) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, name);
                p.setString(2, keyId.toString());
                p.setBytes(3, Keys.encodePublic(pair.getPublic()).toByteArray());
                p.setBytes(4, cipher.seal(plain, place(name)));
                p.setBytes(5, cert == null ? null : encoded(cert));
                p.executeUpdate();
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
            return new StoredKey(keyId, pair, Optional.ofNullable(cert));
        });
    }

    private static Optional<StoredKey> read(Connection c, AtRestCipher cipher, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT key_id, public_key, private_sealed, certificate FROM authority_keys WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                UUID keyId = UUID.fromString(r.getString(1));
                byte[] plain = cipher.open(r.getBytes(3), place(name));
                try {
                    KeyFormat format = name.endsWith("-rsa") ? KeyFormat.RSA : KeyFormat.EC;
                    var publicKey = Keys.publicKey(format, Bytes.of(r.getBytes(2)));
                    var privateKey = Keys.privateKey(format, SecretBytes.of(plain));
                    byte[] cert = r.getBytes(4);
                    return Optional.of(new StoredKey(keyId, new KeyPair(publicKey, privateKey),
                            cert == null ? Optional.empty() : Optional.of(Certificates.parse(cert))));
                } catch (CryptoException | CertificateException e) {
                    throw new IllegalStateException("stored authority key " + name + " is unreadable", e);
                } finally {
                    Arrays.fill(plain, (byte) 0);
                }
            }
        }
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String place(String name) {
        return "authority_keys.private/" + name;
    }
}
