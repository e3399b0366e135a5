package org.assure.dtls.internal;

import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import org.assure.core.crypto.EcCurve;
import org.assure.core.crypto.Keys;
import org.assure.core.model.Bytes;
import org.assure.core.model.KeyFormat;
import org.assure.dtls.OwnKey;
import org.assure.dtls.internal.ec.P256;
import org.assure.dtls.internal.ec.P256Tls;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsCredentialedSigner;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsRawKeyCertificate;
import org.bouncycastle.util.BigIntegers;

/** RFC 7250 raw public keys on BouncyCastle: our certificate and signer, the peer's SPKI. */
final class RawKeys {
    private RawKeys() {
    }

    /** The cipher suite PROFILE §6 assigns to a raw key of this type. */
    static int suiteFor(OwnKey key) {
        return key.format() == KeyFormat.EC
                ? CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8
                : CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    }

    static Certificate certificate(BcTlsCrypto crypto, PublicKey key) {
        return new Certificate(CertificateType.RawPublicKey,
                new TlsCertificate[] {new BcTlsRawKeyCertificate(crypto, key.getEncoded())});
    }

    static TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto, OwnKey key) throws IOException {
        if (key.format() == KeyFormat.EC && Keys.curve(key.publicKey()) == EcCurve.P_256) {
            // Our own P-256 (org.assure.dtls.internal.ec.P256): the same RFC 6979 signatures, several times faster.
            byte[] scalar = p256Scalar(key);
            try {
                return new DefaultTlsCredentialedSigner(new TlsCryptoParameters(context),
                        P256Tls.signer(crypto, scalar), certificate(crypto, key.publicKey()), signatureAlgorithm(key));
            } finally {
                Arrays.fill(scalar, (byte) 0);
            }
        }
        byte[] pkcs8 = key.privateKey().getEncoded();
        AsymmetricKeyParameter privateKey;
        try {
            privateKey = PrivateKeyFactory.createKey(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey,
                certificate(crypto, key.publicKey()), signatureAlgorithm(key));
    }

    /** The private scalar of a P-256 key, 32 bytes big-endian (the caller wipes it). */
    private static byte[] p256Scalar(OwnKey key) throws IOException {
        if (key.privateKey() instanceof ECPrivateKey ec) {
            return BigIntegers.asUnsignedByteArray(P256.SCALAR_LENGTH, ec.getS());
        }
        byte[] pkcs8 = key.privateKey().getEncoded();
        try {
            return BigIntegers.asUnsignedByteArray(P256.SCALAR_LENGTH,
                    ((ECPrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8)).getD());
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static SignatureAndHashAlgorithm signatureAlgorithm(OwnKey key) {
        if (key.format() == KeyFormat.RSA) {
            return SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa);
        }
        EcCurve curve = Keys.curve(key.publicKey());
        short hash = switch (curve) {
            case P_256 -> HashAlgorithm.sha256;
            case P_384 -> HashAlgorithm.sha384;
            case P_521 -> HashAlgorithm.sha512;
        };
        return SignatureAndHashAlgorithm.getInstance(hash, SignatureAlgorithm.ecdsa);
    }

    /**
     * The DER SubjectPublicKeyInfo of the peer's raw key.
     *
     * @throws TlsFatalAlert {@code bad_certificate} if the peer sent no raw key
     */
    static Bytes peerKey(Certificate certificate) throws IOException {
        if (certificate == null || certificate.isEmpty() || certificate.getCertificateType() != CertificateType.RawPublicKey) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
        return Bytes.of(certificate.getCertificateAt(0).getEncoded());
    }
}
