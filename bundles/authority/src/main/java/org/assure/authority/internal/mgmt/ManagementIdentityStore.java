package org.assure.authority.internal.mgmt;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.AuthorityException;
import org.assure.authority.internal.http.OwnerApiClient;
import org.assure.authority.internal.identity.AtRestCipher;
import org.assure.authority.internal.store.Database;
import org.assure.authority.internal.ta.Certificates;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.Uuids;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The management system's identity (draft §14.2): on first start it makes an EC key, registers it with the
 * Owner API from a CSR and keeps key and certificate in {@code authority_keys} (private key sealed).
 */
public final class ManagementIdentityStore {
    private static final String NAME = "management-system";

    /** The key (with its aSSURE id, the certificate's subject key identifier) and its certificate. */
    public record Identity(ManagementKey key, X509Certificate certificate) {
        public String mgmtId() {
            return certificate.getSerialNumber().toString(16);
        }
    }

    private ManagementIdentityStore() {
    }

    public static Identity loadOrRegister(Database db, AtRestCipher cipher, OwnerApiClient anonymous, String subject,
            SecureRandom random) throws AuthorityException {
        Optional<Identity> existing = db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT key_id, public_key, private_sealed, certificate FROM authority_keys WHERE name = ?")) {
                p.setString(1, NAME);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    byte[] plain = cipher.open(r.getBytes(3), place());
                    try {
                        KeyPair pair = new KeyPair(Keys.publicKey(KeyFormat.EC, Bytes.of(r.getBytes(2))),
                                Keys.privateKey(KeyFormat.EC, SecretBytes.of(plain)));
                        return Optional.of(new Identity(new ManagementKey(UUID.fromString(r.getString(1)), pair),
                                Certificates.parse(r.getBytes(4))));
                    } catch (CryptoException | CertificateException e) {
                        throw new IllegalStateException("stored management identity unreadable", e);
                    } finally {
                        Arrays.fill(plain, (byte) 0);
                    }
                }
            }
        });
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, random);
        X509Certificate cert;
        UUID keyId;
        try {
            byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();
            cert = Certificates.parse(anonymous.register(csr));
            byte[] ski = SubjectKeyIdentifier.getInstance(new JcaX509CertificateHolder(cert)
                    .getExtension(Extension.subjectKeyIdentifier).getParsedValue()).getKeyIdentifier();
            keyId = Uuids.fromBytes(ski);
        } catch (OperatorCreationException | CertificateException | java.io.IOException | RuntimeException e) {
            throw new AuthorityException(org.assure.core.error.ErrorKind.UNAVAILABLE,
                    "registration with the Trusted Authority failed", e);
        }
        Identity identity = new Identity(new ManagementKey(keyId, pair), cert);
        db.transaction(c -> {
            byte[] plain = Keys.encodePrivate(pair.getPrivate()).toByteArray();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO authority_keys "
                    + "(name, key_id, public_key, private_sealed, certificate) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, NAME);
                p.setString(2, keyId.toString());
                p.setBytes(3, Keys.encodePublic(pair.getPublic()).toByteArray());
                p.setBytes(4, cipher.seal(plain, place()));
                p.setBytes(5, cert.getEncoded());
                p.executeUpdate();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
            return null;
        });
        return identity;
    }

    private static String place() {
        return "authority_keys.private/" + NAME;
    }
}
