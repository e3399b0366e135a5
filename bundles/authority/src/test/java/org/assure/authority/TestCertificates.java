package org.assure.authority;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.assure.authority.internal.http.TlsContexts;
import org.assure.core.crypto.KeyGeneration;
import org.assure.core.model.GenerateKeyType;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed client certificates for test manufacturers. */
public final class TestCertificates {
    private TestCertificates() {
    }

    public static TlsContexts.ClientKey selfSigned(String cn) throws Exception {
        KeyPair pair = KeyGeneration.generate(GenerateKeyType.EC_P256, new java.security.SecureRandom());
        X500Name name = new X500Name("CN=" + cn);
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(System.nanoTime()), Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plusSeconds(86_400)), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        return new TlsContexts.ClientKey(pair.getPrivate(), cert);
    }
}
