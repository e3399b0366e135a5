package org.assure.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.assure.core.crypto.CryptoException;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Bytes;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Keys in the PEM files OpenSSL writes: {@code PUBLIC KEY} (SubjectPublicKeyInfo) and {@code PRIVATE KEY}
 * (unencrypted PKCS#8), EC or RSA, parsed by core's {@link Keys} so that the tool accepts exactly the keys the
 * bundles accept.
 */
final class PemFiles {
    private PemFiles() {
    }

    /** The public key in {@code file}, which must hold a {@code PUBLIC KEY} block. */
    static PublicKey publicKey(String file, InputStream stdin) {
        byte[] der = block(file, stdin, "PUBLIC KEY");
        KeyFormat format;
        try {
            format = format(SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm());
        } catch (RuntimeException e) {
            throw new CliException(file + ": not a DER SubjectPublicKeyInfo");
        }
        try {
            return Keys.publicKey(format, Bytes.of(der));
        } catch (CryptoException e) {
            throw new CliException(file + ": " + e.getMessage());
        }
    }

    /** The private key in {@code file}, which must hold an unencrypted PKCS#8 {@code PRIVATE KEY} block. */
    static PrivateKey privateKey(String file, InputStream stdin) {
        return privateKey(block(file, stdin, "PRIVATE KEY"), file);
    }

    /** The private key in DER PKCS#8 {@code der} (cleared afterwards); {@code file} names it in errors. */
    static PrivateKey privateKey(byte[] der, String file) {
        try {
            KeyFormat format;
            try {
                format = format(PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm());
            } catch (RuntimeException e) {
                throw new CliException(file + ": not a DER PKCS#8 PrivateKeyInfo");
            }
            try {
                return Keys.privateKey(format, SecretBytes.of(der));
            } catch (CryptoException e) {
                throw new CliException(file + ": " + e.getMessage());
            }
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** What a {@code PUBLIC KEY} PEM text holds, e.g. {@code EC P-256 public key (91 bytes DER)}; never fails. */
    static String describePublicKey(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            if (object == null || !object.getType().equals("PUBLIC KEY")) {
                return "not a PUBLIC KEY PEM block";
            }
            byte[] der = object.getContent();
            KeyFormat format = format(SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm());
            PublicKey key = Keys.publicKey(format, Bytes.of(der));
            String kind = key instanceof RSAPublicKey rsa ? "RSA " + rsa.getModulus().bitLength() + " bits"
                    : "EC " + Keys.curve(key).label();
            return kind + " public key (PEM, " + der.length + " bytes DER)";
        } catch (IOException | CryptoException | RuntimeException e) {
            return "unreadable public key PEM";
        }
    }

    private static KeyFormat format(ASN1ObjectIdentifier algorithm) {
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            return KeyFormat.EC;
        }
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            return KeyFormat.RSA;
        }
        throw new CliException("not an EC or RSA key (algorithm " + algorithm.getId() + ")");
    }

    /** The DER content of the first PEM block of type {@code type}; other types get a hint how to convert. */
    private static byte[] block(String file, InputStream stdin, String type) {
        String text = new String(Inputs.read(file, stdin), StandardCharsets.US_ASCII);
        PemObject pem;
        try (PemReader reader = new PemReader(new StringReader(text))) {
            pem = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new CliException(file + ": unreadable PEM");
        }
        if (pem == null) {
            throw new CliException(file + ": no PEM block (expected -----BEGIN " + type + "-----)");
        }
        if (pem.getType().equals(type)) {
            return pem.getContent();
        }
        Arrays.fill(pem.getContent(), (byte) 0);
        String hint = switch (pem.getType()) {
            case "EC PRIVATE KEY", "RSA PRIVATE KEY" -> "; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file;
            case "ENCRYPTED PRIVATE KEY" -> "; decrypt it with: openssl pkcs8 -nocrypt -in " + file;
            case "PRIVATE KEY", "EC PUBLIC KEY", "RSA PUBLIC KEY" -> "; extract the public key with: openssl pkey -pubout -in " + file;
            default -> "";
        };
        throw new CliException(file + ": holds a " + pem.getType() + ", expected a " + type + hint);
    }
}
