package org.assure.dtls.internal.ec;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DigitallySigned;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.TlsStreamSigner;
import org.bouncycastle.tls.crypto.TlsStreamVerifier;
import org.bouncycastle.tls.crypto.TlsVerifier;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsECDSASigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsECDomain;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsRawKeyCertificate;

/**
 * {@link P256} behind BouncyCastle's TLS crypto interfaces: the secp256r1 ECDHE agreement, the ECDSA signer of our
 * own P-256 raw key, and the verifier of a peer's P-256 raw key. Wire formats stay BouncyCastle's: uncompressed
 * points in the key exchange (RFC 8422), DER {@code SEQUENCE {r, s}} signatures with BouncyCastle's strict
 * decoding ({@link StandardDSAEncoding}: canonical DER, 0 &lt; r, s &lt; n). Anything else (other hashes than
 * SHA-256 for our own signatures, signatures without an algorithm) is left to BouncyCastle.
 */
public final class P256Tls {
    private P256Tls() {
    }

    /** The secp256r1 ECDHE domain. */
    public static TlsECDomain ecDomain(BcTlsCrypto crypto) {
        return () -> new Agreement(crypto);
    }

    /** The ECDSA signer of a P-256 private key (its scalar, 32 bytes big-endian; copied). */
    public static TlsSigner signer(BcTlsCrypto crypto, byte[] privateKey) {
        return new Signer(crypto, privateKey.clone());
    }

    /**
     * The peer's raw public key (DER SubjectPublicKeyInfo): BouncyCastle's certificate, except that ECDSA
     * signatures by a P-256 key are verified by {@link P256}.
     */
    public static BcTlsRawKeyCertificate rawKeyCertificate(BcTlsCrypto crypto, byte[] encoding) throws IOException {
        return new RawKeyCertificate(crypto, encoding);
    }

    /** The uncompressed point of a P-256 SubjectPublicKeyInfo, or null if the key is not a P-256 EC key. */
    static byte[] p256Point(SubjectPublicKeyInfo keyInfo) {
        AlgorithmIdentifier algorithm = keyInfo.getAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                || !(algorithm.getParameters() instanceof ASN1ObjectIdentifier curve)
                || !SECObjectIdentifiers.secp256r1.equals(curve)) {
            return null;
        }
        byte[] point = keyInfo.getPublicKeyData().getOctets();
        return point.length == P256.POINT_LENGTH && point[0] == 0x04 ? point : null;
    }

    private static final class Agreement implements TlsAgreement {
        private final BcTlsCrypto crypto;
        private byte[] privateKey;
        private byte[] peerPoint;

        Agreement(BcTlsCrypto crypto) {
            this.crypto = crypto;
        }

        @Override
        public byte[] generateEphemeral() {
            P256.KeyPair pair = P256.generateKeyPair(crypto.getSecureRandom());
            privateKey = pair.privateKey();
            pair.destroy();
            return pair.publicKey();
        }

        @Override
        public void receivePeerValue(byte[] peerValue) throws IOException {
            // As BouncyCastle's domain does: a point that does not decode onto the curve is illegal_parameter.
            if (!P256.isValidPoint(peerValue)) {
                throw new TlsFatalAlert(AlertDescription.illegal_parameter);
            }
            peerPoint = peerValue.clone();
        }

        @Override
        public TlsSecret calculateSecret() throws IOException {
            if (privateKey == null || peerPoint == null) {
                throw new TlsFatalAlert(AlertDescription.internal_error);
            }
            byte[] x = P256.agree(privateKey, peerPoint);
            Arrays.fill(privateKey, (byte) 0);
            privateKey = null;
            try {
                return crypto.createSecret(x);
            } finally {
                Arrays.fill(x, (byte) 0);
            }
        }
    }

    private static final class Signer implements TlsSigner {
        private final BcTlsCrypto crypto;
        private final byte[] privateKey;

        Signer(BcTlsCrypto crypto, byte[] privateKey) {
            this.crypto = crypto;
            this.privateKey = privateKey;
        }

        @Override
        public byte[] generateRawSignature(SignatureAndHashAlgorithm algorithm, byte[] hash) throws IOException {
            if (algorithm == null || algorithm.getSignature() != SignatureAlgorithm.ecdsa
                    || algorithm.getHash() != HashAlgorithm.sha256) {
                // RFC 6979's HMAC uses the signature's hash, and TLS 1.0/1.1 signs an MD5/SHA-1 pair: BouncyCastle's.
                ECPrivateKeyParameters key = new ECPrivateKeyParameters(new BigInteger(1, privateKey),
                        BcTlsECDomain.getDomainParameters(NamedGroup.secp256r1));
                return new BcTlsECDSASigner(crypto, key).generateRawSignature(algorithm, hash);
            }
            Digest sha256 = crypto.createDigest(CryptoHashAlgorithm.sha256);
            byte[] rs = P256.sign(privateKey, hash, sha256);
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, P256.SCALAR_LENGTH));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, P256.SCALAR_LENGTH, rs.length));
            return StandardDSAEncoding.INSTANCE.encode(P256.N, r, s);
        }

        @Override
        public TlsStreamSigner getStreamSigner(SignatureAndHashAlgorithm algorithm) {
            return null;
        }
    }

    private static final class RawKeyCertificate extends BcTlsRawKeyCertificate {
        RawKeyCertificate(BcTlsCrypto crypto, byte[] encoding) {
            super(crypto, encoding);
        }

        @Override
        public TlsVerifier createVerifier(short signatureAlgorithm) throws IOException {
            byte[] point = signatureAlgorithm == SignatureAlgorithm.ecdsa ? p256Point(keyInfo) : null;
            if (point == null || !P256.isValidPoint(point)) {
                return super.createVerifier(signatureAlgorithm);
            }
            return new Verifier(point, this);
        }

        TlsVerifier bouncyCastleVerifier() throws IOException {
            return super.createVerifier(SignatureAlgorithm.ecdsa);
        }
    }

    private static final class Verifier implements TlsVerifier {
        private final byte[] point;
        private final RawKeyCertificate certificate;

        Verifier(byte[] point, RawKeyCertificate certificate) {
            this.point = point;
            this.certificate = certificate;
        }

        @Override
        public TlsStreamVerifier getStreamVerifier(DigitallySigned digitallySigned) {
            return null;
        }

        @Override
        public boolean verifyRawSignature(DigitallySigned digitallySigned, byte[] hash) throws IOException {
            SignatureAndHashAlgorithm algorithm = digitallySigned.getAlgorithm();
            if (algorithm == null) {
                // TLS 1.0/1.1 (an MD5/SHA-1 pair, of which ECDSA signs the SHA-1 part): BouncyCastle's.
                return certificate.bouncyCastleVerifier().verifyRawSignature(digitallySigned, hash);
            }
            if (algorithm.getSignature() != SignatureAlgorithm.ecdsa) {
                throw new IllegalStateException("not an ECDSA signature");
            }
            BigInteger[] rs;
            try {
                rs = StandardDSAEncoding.INSTANCE.decode(P256.N, digitallySigned.getSignature());
            } catch (IOException | RuntimeException e) {
                // any malformed encoding (BouncyCastle's decoder throws NullPointerException on an empty one)
                return false;
            }
            return P256.verify(point, hash, rs[0], rs[1]);
        }
    }
}
