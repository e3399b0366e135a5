package org.assure.authority.internal.ta;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.assure.core.model.Uuids;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The X.509 certificates of the authority: its CA, its TLS server certificate, and management systems' certificates. */
public final class Certificates {
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final Duration CA_LIFETIME = Duration.ofDays(20 * 365);
    private static final Duration LEAF_LIFETIME = Duration.ofDays(10 * 365);

    private Certificates() {
    }

    public static X509Certificate selfSignedCa(KeyPair ca, String commonName, BigInteger serial) {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial, Date.from(now.minusSeconds(3600)),
                Date.from(now.plus(CA_LIFETIME)), name, ca.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return sign(b, ca.getPrivate());
    }

    /** A TLS server certificate for the HTTPS APIs, naming {@code hosts} (DNS names or IP literals). */
    public static X509Certificate server(X509Certificate caCert, PrivateKey caKey, PublicKey subject, List<String> hosts,
            BigInteger serial) {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial, Date.from(now.minusSeconds(3600)),
                Date.from(now.plus(LEAF_LIFETIME)), new X500Name("CN=" + hosts.get(0)), subject);
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            GeneralName[] names = hosts.stream().map(h -> h.matches("[0-9.]+|.*:.*")
                    ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName, h))
                    .toArray(GeneralName[]::new);
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return sign(b, caKey);
    }

    /**
     * A management system's client certificate (draft §9.3.1): its serial is the management id, its subject key
     * identifier the 16 bytes of the UUID its key has in aSSURE structures (PROFILE-ADDITIONS).
     */
    static X509Certificate managementSystem(X509Certificate caCert, PrivateKey caKey, X500Name subject,
            PublicKey key, BigInteger serial, UUID keyId) {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                serial, Date.from(now.minusSeconds(3600)), Date.from(now.plus(LEAF_LIFETIME)), subject, key);
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            b.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(Uuids.toBytes(keyId)));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return sign(b, caKey);
    }

    public static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) {
        try {
            String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().setProvider(PROVIDER)
                    .getCertificate(b.build(new JcaContentSignerBuilder(algorithm).setProvider(PROVIDER).build(key)));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("certificate signing failed", e);
        }
    }
}
