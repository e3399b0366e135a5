package org.assure.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.model.GenerateKeyType;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The tool's own keys and certificates in the home directory (private keys sealed under the home passphrase,
 * {@link SealedKeyFile}; certificates PEM), the
 * manufacturer's self-signed client certificate, the management system's CSR, and TLS client contexts.
 */
final class Credentials {
    private static final char[] STORE_PASSWORD = "in-memory".toCharArray();

    private Credentials() {
    }

    /** A key with the certificate that names it. */
    record KeyAndCertificate(PrivateKey key, X509Certificate certificate) {
        @Override
        public String toString() {
            return "KeyAndCertificate[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    static String pem(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    static String certificatePem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CliException("not an X.509 certificate");
        }
    }

    /** The first certificate in PEM text; {@code what} names the source in errors. */
    static X509Certificate certificateFromPem(String text, String what) {
        return certificate(block(text, "CERTIFICATE", what));
    }

    static X509Certificate readCertificate(Path file) {
        return certificateFromPem(Home.readText(file, ""), file.toString());
    }

    static PrivateKey readPrivateKey(Path file) {
        byte[] der = block(Home.readText(file, ""), "PRIVATE KEY", file.toString());
        return PemFiles.privateKey(der, file.toString());
    }

    static byte[] block(String text, String type, String what) {
        PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(text))) {
            pem = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new CliException(what + ": unreadable PEM");
        }
        if (pem == null || !pem.getType().equals(type)) {
            throw new CliException(what + ": expected a PEM " + type);
        }
        return pem.getContent();
    }

    /** Lower-case hex SHA-256 of the certificate, as people compare certificates. */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain PEM key file of earlier versions, sealed and removed on first use ({@link #load}). */
    static final String PLAIN_KEY = "key.pem";

    /**
     * Writes the key, sealed under the home passphrase ({@link SealedKeyFile}, 0600), and the certificate of
     * {@code dir}: {@code key.sealed}, {@code cert.pem}. The key's purpose (sealed into the file) is the name of
     * {@code dir}.
     */
    static void store(Home home, Path dir, PrivateKey key, X509Certificate certificate) {
        Home.createDirectory(dir);
        char[] passphrase = home.passphrase(!Files.exists(dir.resolve(SealedKeyFile.FILE)));
        try {
            SealedKeyFile.write(dir.resolve(SealedKeyFile.FILE), key, purpose(dir), passphrase, new SecureRandom());
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
        Home.writePublic(dir.resolve("cert.pem"), certificatePem(certificate));
        deletePlain(dir);
    }

    /**
     * The key and certificate of {@code dir}, if both are there. A plain {@code key.pem} left by an earlier
     * version is sealed under the home passphrase and deleted (the user is told), so no key stays in clear.
     */
    static Optional<KeyAndCertificate> load(Home home, Path dir) {
        Path sealed = dir.resolve(SealedKeyFile.FILE);
        Path plain = dir.resolve(PLAIN_KEY);
        Path cert = dir.resolve("cert.pem");
        if (!Files.isRegularFile(cert) || !Files.isRegularFile(sealed) && !Files.isRegularFile(plain)) {
            return Optional.empty();
        }
        X509Certificate certificate = readCertificate(cert);
        if (Files.isRegularFile(sealed)) {
            char[] passphrase = home.passphrase(false);
            try {
                return Optional.of(new KeyAndCertificate(SealedKeyFile.read(sealed, purpose(dir), passphrase),
                        certificate));
            } finally {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
        PrivateKey key = readPrivateKey(plain);
        store(home, dir, key, certificate);
        home.notice("sealed the plain private key " + plain + " under the home passphrase (now "
                + SealedKeyFile.FILE + ")");
        return Optional.of(new KeyAndCertificate(key, certificate));
    }

    private static String purpose(Path dir) {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    private static void deletePlain(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(PLAIN_KEY));
        } catch (IOException e) {
            throw new CliException("cannot delete the plain key file " + dir.resolve(PLAIN_KEY) + ": "
                    + Inputs.reason(e));
        }
    }

    /**
     * The manufacturer identity in {@code dir}, created on first use: a P-256 key and a self-signed client
     * certificate the Trusted Authority is configured to accept (draft §9.2 leaves manufacturer authentication
     * to the deployment; the authority pins manufacturer certificates).
     */
    static KeyAndCertificate manufacturer(Home home, Path dir, SecureRandom random) {
        Optional<KeyAndCertificate> existing = load(home, dir);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, random);
        X509Certificate certificate = selfSigned(pair, "CN=aSSURE manufacturer", random);
        store(home, dir, pair.getPrivate(), certificate);
        return new KeyAndCertificate(pair.getPrivate(), certificate);
    }

    static X509Certificate selfSigned(KeyPair pair, String subject, SecureRandom random) {
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        try {
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random).setBit(63),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    pair.getPublic());
            var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        }
    }

    /** A DER PKCS#10 request for the management system's key (draft §9.3.1: an EC key). */
    static byte[] csr(KeyPair pair, String subject) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();
        } catch (OperatorCreationException | IOException | IllegalArgumentException e) {
            throw new CliException("cannot make a certificate request for subject " + subject);
        }
    }

    /** TLS trusting only {@code trusted}, presenting {@code client} when given. */
    static SSLContext tls(List<X509Certificate> trusted, Optional<KeyAndCertificate> client) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                trust.setCertificateEntry("trusted-" + i, trusted.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            if (client.isPresent()) {
                keys.setKeyEntry("client", client.get().key(), STORE_PASSWORD,
                        new X509Certificate[] {client.get().certificate()});
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }
}
