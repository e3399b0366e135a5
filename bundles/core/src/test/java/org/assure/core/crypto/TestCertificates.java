package org.assure.core.crypto;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;

import org.assure.core.crypto.internal.BouncyCastle;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates for CMS recipients named by issuer and serial number, as OpenSSL names them. */
final class TestCertificates {
    private TestCertificates() {
    }

    static X509Certificate selfSigned(KeyPair pair, String commonName) throws Exception {
        Date now = new Date();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + commonName),
                new BigInteger(64, TestKeys.RANDOM).setBit(63), now, new Date(now.getTime() + 86_400_000L),
                new X500Name("CN=" + commonName), pair.getPublic());
        String algorithm = Keys.format(pair.getPublic()) == org.assure.core.model.KeyFormat.EC ? "SHA256withECDSA" : "SHA256withRSA";
        var signer = new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.provider()).build(pair.getPrivate());
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.provider()).getCertificate(builder.build(signer));
    }
}
