package org.assure.dtls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.assure.dtls.internal.ec.P256;
import org.assure.dtls.internal.ec.P256Tls;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.DigitallySigned;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.TlsVerifier;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsECDSASigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsECDomain;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsRawKeyCertificate;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/** The engine's TLS crypto routes secp256r1 and P-256 raw keys through P256, interoperating with BouncyCastle's. */
class ConnectionCryptoP256Test {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private static ConnectionCrypto crypto() {
        return new ConnectionCrypto(RANDOM, () -> { }, () -> { });
    }

    @Test
    void givenSecp256r1_whenAgreeingWithBouncyCastlesDomain_thenOursIsUsedAndTheSecretsMatch() throws Exception {
        ConnectionCrypto crypto = crypto();
        TlsECDomain ours = crypto.createECDomain(new TlsECConfig(NamedGroup.secp256r1));
        assertThat(ours).isNotInstanceOf(BcTlsECDomain.class);
        TlsECDomain theirs = new BcTlsECDomain(crypto, new TlsECConfig(NamedGroup.secp256r1));
        for (int i = 0; i < 20; i++) {
            TlsAgreement a = ours.createECDH();
            TlsAgreement b = theirs.createECDH();
            byte[] pa = a.generateEphemeral();
            byte[] pb = b.generateEphemeral();
            assertThat(pa).hasSize(65).startsWith(4);
            a.receivePeerValue(pb);
            b.receivePeerValue(pa);
            assertThat(a.calculateSecret().extract()).isEqualTo(b.calculateSecret().extract());
        }
        // other groups stay BouncyCastle's
        assertThat(crypto.createECDomain(new TlsECConfig(NamedGroup.secp384r1))).isInstanceOf(BcTlsECDomain.class);
    }

    @Test
    void givenAnInvalidPeerPoint_whenReceived_thenIllegalParameter() throws Exception {
        TlsAgreement agreement = crypto().createECDomain(new TlsECConfig(NamedGroup.secp256r1)).createECDH();
        agreement.generateEphemeral();
        byte[] offCurve = P256.generateKeyPair(RANDOM).publicKey();
        offCurve[40] ^= 1;
        for (byte[] bad : new byte[][] {offCurve, new byte[] {0}, new byte[65], new byte[33]}) {
            assertThatThrownBy(() -> agreement.receivePeerValue(bad)).isInstanceOfSatisfying(TlsFatalAlert.class,
                    e -> assertThat(e.getAlertDescription()).isEqualTo(AlertDescription.illegal_parameter));
        }
    }

    @Test
    void givenAP256RawKey_whenSigningAndVerifying_thenSignaturesAreBouncyCastlesAndOnlyValidOnesPass()
            throws Exception {
        ConnectionCrypto crypto = crypto();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        ECDomainParameters domain = BcTlsECDomain.getDomainParameters(NamedGroup.secp256r1);
        for (int i = 0; i < 10; i++) {
            KeyPair pair = generator.generateKeyPair();
            BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
            byte[] hash = new byte[32];
            RANDOM.nextBytes(hash);
            TlsSigner ours = P256Tls.signer(crypto, BigIntegers.asUnsignedByteArray(32, d));
            byte[] signature = ours.generateRawSignature(ECDSA_SHA256, hash);
            byte[] expected = new BcTlsECDSASigner(crypto, new ECPrivateKeyParameters(d, domain))
                    .generateRawSignature(ECDSA_SHA256, hash);
            assertThat(signature).isEqualTo(expected);

            TlsCertificate certificate = crypto.createCertificate(CertificateType.RawPublicKey,
                    pair.getPublic().getEncoded());
            assertThat(certificate).isInstanceOf(BcTlsRawKeyCertificate.class);
            TlsVerifier verifier = certificate.createVerifier(SignatureAlgorithm.ecdsa);
            assertThat(verifier.getClass().getName()).contains("P256Tls");
            assertThat(verifier.verifyRawSignature(new DigitallySigned(ECDSA_SHA256, signature), hash)).isTrue();
            byte[] otherHash = hash.clone();
            otherHash[0] ^= 1;
            assertThat(verifier.verifyRawSignature(new DigitallySigned(ECDSA_SHA256, signature), otherHash))
                    .isFalse();
            // non-canonical DER (a trailing byte, a padded integer) and garbage are refused, as BouncyCastle does
            byte[] trailing = java.util.Arrays.copyOf(signature, signature.length + 1);
            assertThat(verifier.verifyRawSignature(new DigitallySigned(ECDSA_SHA256, trailing), hash)).isFalse();
            assertThat(verifier.verifyRawSignature(new DigitallySigned(ECDSA_SHA256, new byte[] {0x30, 0}), hash))
                    .isFalse();
            assertThat(verifier.verifyRawSignature(new DigitallySigned(ECDSA_SHA256, new byte[0]), hash)).isFalse();
            // BouncyCastle's own verifier agrees
            TlsVerifier bc = new BcTlsRawKeyCertificate(crypto, pair.getPublic().getEncoded())
                    .createVerifier(SignatureAlgorithm.ecdsa);
            assertThat(bc.verifyRawSignature(new DigitallySigned(ECDSA_SHA256, signature), hash)).isTrue();
        }
    }

    @Test
    void givenOtherHashesOrCurves_whenSigningOrVerifying_thenBouncyCastleDoesIt() throws Exception {
        ConnectionCrypto crypto = crypto();
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, P256.N.subtract(BigInteger.ONE), RANDOM);
        SignatureAndHashAlgorithm sha384 =
                SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa);
        byte[] hash = new byte[48];
        RANDOM.nextBytes(hash);
        byte[] ours = P256Tls.signer(crypto, BigIntegers.asUnsignedByteArray(32, d)).generateRawSignature(sha384, hash);
        byte[] expected = new BcTlsECDSASigner(crypto, new ECPrivateKeyParameters(d,
                BcTlsECDomain.getDomainParameters(NamedGroup.secp256r1))).generateRawSignature(sha384, hash);
        assertThat(ours).isEqualTo(expected);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"), RANDOM);
        TlsVerifier verifier = crypto.createCertificate(CertificateType.RawPublicKey,
                generator.generateKeyPair().getPublic().getEncoded()).createVerifier(SignatureAlgorithm.ecdsa);
        assertThat(verifier.getClass().getName()).doesNotContain("P256Tls");
    }
}
