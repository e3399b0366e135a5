package org.assure.authority.internal.ta;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assure.authority.Ecies;
import org.assure.authority.SharedSecretAnchors;
import org.assure.authority.internal.AuthorityServices;
import org.assure.authority.internal.mgmt.ManagementKey;
import org.assure.authority.internal.store.Database;
import org.assure.authority.internal.store.Dialect;
import org.assure.authority.internal.store.TestDatabases;
import org.assure.core.bootstrap.DeviceState;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.crypto.Keys;
import org.assure.core.json.DeviceRecordJson;
import org.assure.core.model.DeviceCapabilities;
import org.assure.core.model.DeviceRecord;
import org.assure.core.model.EcKey;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.IdentityClass;
import org.assure.core.model.RsaKey;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.Uuids;
import org.assure.core.trust.TrustedKey;
import org.assure.core.trust.TrustedKeys;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A Trusted Authority on a real database, plus factories for manufactured devices (EC, RSA, shared secret) and
 * registered management systems, as the manufacturer and the owners would make them.
 */
public final class TestWorld implements AutoCloseable {
    public static final SecureRandom RANDOM = new SecureRandom();
    public final TestDatabases.Settings settings;
    public final AuthorityServices services;
    public final TrustedAuthority ta;

    public TestWorld(Dialect dialect) throws Exception {
        this.settings = TestDatabases.fresh(dialect);
        Database db = TestDatabases.open(settings);
        this.services = AuthorityServices.open(db, KeyGeneration.randomSecret(32, RANDOM), List.of("localhost", "127.0.0.1"),
                RANDOM);
        this.ta = services.trustedAuthority();
    }

    /** A device as manufactured: its identity (what it holds) and its upload. */
    public final class Device {
        public final UUID id = UUID.randomUUID();
        public final String caseString = "case-" + UUID.randomUUID();
        public final Optional<KeyPair> pair;
        public final Optional<SecretBytes> secret;
        public final DeviceCapabilities capabilities;

        Device(Optional<KeyPair> pair, Optional<SecretBytes> secret, DeviceCapabilities capabilities) {
            this.pair = pair;
            this.secret = secret;
            this.capabilities = capabilities;
        }

        public DeviceRecord record() {
            Optional<String> pem = pair.map(p -> "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(p.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return new DeviceRecord(id, 7, caseString, secret, pem, Optional.empty(), capabilities);
        }

        public byte[] upload() {
            return Ecies.encrypt(services.keys().identity().pair().getPublic(), DeviceRecordJson.encode(record()), RANDOM);
        }

        /** The device's trust anchors as installed at manufacture. */
        public TrustedKeys anchors() throws Exception {
            List<TrustedKey> anchors = new ArrayList<>();
            if (secret.isPresent()) {
                anchors.add(TrustedKey.secretAnchor(id, IdentityClass.DEVICE, secret.get()));
                anchors.add(SharedSecretAnchors.anchor(id, secret.get()));
            } else {
                KeyPair p = pair.get();
                boolean rsa = p.getPublic().getAlgorithm().equals("RSA");
                anchors.add(TrustedKey.anchor(rsa
                        ? new RsaKey(id, Keys.encodePublic(p.getPublic()), Keys.encodePrivate(p.getPrivate()))
                        : new EcKey(id, Keys.encodePublic(p.getPublic()), Keys.encodePrivate(p.getPrivate())),
                        IdentityClass.DEVICE));
                anchors.add(rsa && !capabilities.ecCapable()
                        ? TrustedKey.anchor(services.keys().trustedAuthorityRsaKey(), IdentityClass.TRUSTED_AUTHORITY)
                        : TrustedKey.anchor(services.keys().trustedAuthorityKey(), IdentityClass.TRUSTED_AUTHORITY));
            }
            return TrustedKeys.of(anchors);
        }

        public DeviceState state(long storedSequence) throws Exception {
            return DeviceState.of(id, anchors(), storedSequence);
        }
    }

    public Device ecDevice() {
        return new Device(Optional.of(KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM)), Optional.empty(),
                new DeviceCapabilities(true, false, false, false, false));
    }

    public Device rsaDevice() {
        return new Device(Optional.of(KeyGeneration.generate(GenerateKeyType.RSA_2048, RANDOM)), Optional.empty(),
                new DeviceCapabilities(false, true, false, false, false));
    }

    public Device secretDevice() {
        return new Device(Optional.empty(), Optional.of(KeyGeneration.randomSecret(32, RANDOM)), DeviceCapabilities.MINIMAL);
    }

    public Device upload(Device d) throws Exception {
        ta.uploadDevice("maker", d.id, d.upload());
        return d;
    }

    /** A management system registered from its CSR: its management id and key. */
    public record Owner(String mgmtId, ManagementKey key, X509Certificate certificate) {
    }

    public Owner owner() throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, RANDOM);
        byte[] cert = ta.managementSystems().register(csr(pair, "CN=owner"));
        X509Certificate x509 = Certificates.parse(cert);
        byte[] ski = SubjectKeyIdentifier.getInstance(new JcaX509CertificateHolder(x509)
                .getExtension(Extension.subjectKeyIdentifier).getParsedValue()).getKeyIdentifier();
        return new Owner(ManagementSystems.mgmtId(x509.getSerialNumber()), new ManagementKey(Uuids.fromBytes(ski), pair),
                x509);
    }

    public static byte[] csr(KeyPair pair, String subject) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), pair.getPublic())
                .build(new JcaContentSignerBuilder(pair.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA"
                        : "SHA256withECDSA").build(pair.getPrivate())).getEncoded();
    }

    public static BigInteger serial(X509Certificate cert) {
        return cert.getSerialNumber();
    }

    public static boolean sameKey(PublicKey a, PublicKey b) {
        return Keys.encodePublic(a).equals(Keys.encodePublic(b));
    }

    @Override
    public void close() throws Exception {
        services.close();
        TestDatabases.drop(settings);
    }
}
