package org.assure.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.assure.core.model.Bytes;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SignatureFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SignaturesTest {
    private static final byte[] INPUT = "signing input with \u0000 and \u00ff".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> ecFormatsAndCurves() {
        List<Arguments> arguments = new ArrayList<>();
        for (SignatureFormat format : SignatureFormat.values()) {
            if (format.kind() == SignatureFormat.Kind.EC) {
                for (EcCurve curve : EcCurve.values()) {
                    arguments.add(Arguments.of(format, curve));
                }
            }
        }
        return arguments.stream();
    }

    static Stream<SignatureFormat> rsaFormats() {
        return Arrays.stream(SignatureFormat.values()).filter(f -> f.kind() == SignatureFormat.Kind.RSA);
    }

    static Stream<SignatureFormat> hmacFormats() {
        return Arrays.stream(SignatureFormat.values()).filter(f -> f.kind() == SignatureFormat.Kind.HMAC);
    }

    static Stream<Vectors.Vector> ecdsaOpenSslVectors() {
        return Vectors.load("ecdsa-openssl.json").stream();
    }

    static Stream<Vectors.Vector> ecdsaRfc6979Vectors() {
        return Vectors.load("ecdsa-rfc6979.json").stream();
    }

    static Stream<Vectors.Vector> hmacVectors() {
        return Vectors.load("hmac.json").stream();
    }

    @ParameterizedTest
    @MethodSource("ecFormatsAndCurves")
    void givenAnEcKey_whenSigned_thenRAndSHaveTheOrderLengthAndVerify(SignatureFormat format, EcCurve curve) {
        // given
        KeyPair pair = TestKeys.ec(curve);

        // when
        EcSignatureValue signature = Signatures.signEc(format, pair.getPrivate(), INPUT);

        // then
        assertThat(signature.r().length()).isEqualTo(curve.orderLength());
        assertThat(signature.s().length()).isEqualTo(curve.orderLength());
        assertThat(Signatures.verifyEc(format, pair.getPublic(), INPUT, signature.r(), signature.s())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("ecFormatsAndCurves")
    void givenAnEcSignature_whenInputKeyOrValuesChange_thenItDoesNotVerify(SignatureFormat format, EcCurve curve) {
        // given
        KeyPair pair = TestKeys.ec(curve);
        EcSignatureValue signature = Signatures.signEc(format, pair.getPrivate(), INPUT);
        byte[] otherInput = INPUT.clone();
        otherInput[0] ^= 1;
        SignatureFormat otherDigest = format == SignatureFormat.ECDSA_SHA256 ? SignatureFormat.ECDSA_SHA384 : SignatureFormat.ECDSA_SHA256;

        // when / then
        assertThat(Signatures.verifyEc(format, pair.getPublic(), otherInput, signature.r(), signature.s())).isFalse();
        assertThat(Signatures.verifyEc(otherDigest, pair.getPublic(), INPUT, signature.r(), signature.s())).isFalse();
        assertThat(Signatures.verifyEc(format, TestKeys.another(curve.generateKeyType()).getPublic(), INPUT, signature.r(), signature.s()))
                .isFalse();
        assertThat(Signatures.verifyEc(format, pair.getPublic(), INPUT, flipLastBit(signature.r()), signature.s())).isFalse();
        assertThat(Signatures.verifyEc(format, pair.getPublic(), INPUT, signature.r(), flipLastBit(signature.s()))).isFalse();
        assertThat(Signatures.verifyEc(format, pair.getPublic(), INPUT, signature.s(), signature.r())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void givenRAndSOfTheWrongLength_whenVerified_thenFalseEvenIfTheNumbersAreRight(EcCurve curve) {
        // given
        KeyPair pair = TestKeys.ec(curve);
        EcSignatureValue signature = Signatures.signEc(SignatureFormat.ECDSA_SHA256, pair.getPrivate(), INPUT);
        Bytes longerR = prependZero(signature.r());
        Bytes longerS = prependZero(signature.s());

        // when / then
        assertThat(Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, pair.getPublic(), INPUT, longerR, signature.s())).isFalse();
        assertThat(Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, pair.getPublic(), INPUT, signature.r(), longerS)).isFalse();
        assertThat(Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, pair.getPublic(), INPUT, Bytes.EMPTY, signature.s())).isFalse();
        Bytes shorter = Bytes.of(Arrays.copyOf(signature.r().toByteArray(), curve.orderLength() - 1));
        assertThat(Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, pair.getPublic(), INPUT, shorter, signature.s())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void givenRorSZeroOrNotBelowTheOrder_whenVerified_thenFalse(EcCurve curve) {
        // given
        PublicKey key = TestKeys.ec(curve).getPublic();
        BigInteger n = CustomNamedCurves.getByOID(new ASN1ObjectIdentifier(curve.oid())).getN();
        EcSignatureValue valid = Signatures.signEc(SignatureFormat.ECDSA_SHA256, TestKeys.ec(curve).getPrivate(), INPUT);
        Bytes zero = fixed(BigInteger.ZERO, curve);
        Bytes order = fixed(n, curve);
        Bytes sPlusN = fixed(new BigInteger(1, valid.s().toByteArray()).add(n), curve);

        // when / then
        assertThat(Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, key, INPUT, zero, valid.s())).isFalse();
        assertThat(Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, key, INPUT, valid.r(), zero)).isFalse();
        assertThat(Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, key, INPUT, order, valid.s())).isFalse();
        assertThat(Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, key, INPUT, valid.r(), order)).isFalse();
        if (sPlusN != null) {
            assertThat(Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, key, INPUT, valid.r(), sPlusN)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("ecdsaOpenSslVectors")
    void givenASignatureMadeByOpenSsl_whenVerified_thenTrue(Vectors.Vector vector) throws Exception {
        // given
        SignatureFormat format = SignatureFormat.valueOf(vector.text("format"));
        PublicKey key = Keys.publicKey(KeyFormat.EC, Bytes.of(vector.hex("spki")));
        byte[] message = vector.hex("message");

        // when / then
        assertThat(Keys.curve(key).label()).isEqualTo(vector.text("curve"));
        assertThat(Signatures.verifyEc(format, key, message, Bytes.of(vector.hex("r")), Bytes.of(vector.hex("s")))).isTrue();
        message[0] ^= 1;
        assertThat(Signatures.verifyEc(format, key, message, Bytes.of(vector.hex("r")), Bytes.of(vector.hex("s")))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("ecdsaRfc6979Vectors")
    void givenTheRfc6979Key_whenSigned_thenTheDeterministicSignatureIsTheRfcs(Vectors.Vector vector) throws Exception {
        // given
        ASN1ObjectIdentifier curve = new ASN1ObjectIdentifier(EcCurve.P_256.oid());
        PrivateKey key = Keys.privateKey(KeyFormat.EC,
                SecretBytes.of(KeysTest.ecPkcs8(curve, new BigInteger(1, vector.hex("d")), vector.hex("q"))));
        PublicKey publicKey = Keys.publicKey(KeyFormat.EC, Bytes.of(new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), vector.hex("q")).getEncoded(ASN1Encoding.DER)));
        SignatureFormat format = SignatureFormat.valueOf(vector.text("format"));

        // when
        EcSignatureValue signature = Signatures.signEc(format, key, vector.hex("message"));

        // then
        assertThat(signature.r().toHex()).isEqualTo(vector.text("r"));
        assertThat(signature.s().toHex()).isEqualTo(vector.text("s"));
        assertThat(Signatures.verifyEc(format, publicKey, vector.hex("message"), signature.r(), signature.s())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("rsaFormats")
    void givenAnRsaKey_whenSigned_thenTheValueHasTheModulusLengthAndVerifies(SignatureFormat format) {
        // given
        KeyPair pair = TestKeys.rsa();

        // when
        Bytes s = Signatures.signRsa(format, pair.getPrivate(), INPUT);

        // then
        assertThat(s.length()).isEqualTo(256);
        assertThat(Signatures.verifyRsa(format, pair.getPublic(), INPUT, s)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("rsaFormats")
    void givenAnRsaSignature_whenInputKeyOrValueChange_thenItDoesNotVerify(SignatureFormat format) {
        // given
        KeyPair pair = TestKeys.rsa();
        Bytes s = Signatures.signRsa(format, pair.getPrivate(), INPUT);
        byte[] otherInput = INPUT.clone();
        otherInput[otherInput.length - 1] ^= 1;
        SignatureFormat otherDigest = format == SignatureFormat.RSA_SHA256 ? SignatureFormat.RSA_SHA512 : SignatureFormat.RSA_SHA256;

        // when / then
        assertThat(Signatures.verifyRsa(format, pair.getPublic(), otherInput, s)).isFalse();
        assertThat(Signatures.verifyRsa(otherDigest, pair.getPublic(), INPUT, s)).isFalse();
        assertThat(Signatures.verifyRsa(format, pair.getPublic(), INPUT, flipLastBit(s))).isFalse();
        assertThat(Signatures.verifyRsa(format, pair.getPublic(), INPUT, prependZero(s))).isFalse();
        assertThat(Signatures.verifyRsa(format, pair.getPublic(), INPUT, Bytes.of(Arrays.copyOfRange(s.toByteArray(), 1, 256))))
                .isFalse();
        assertThat(Signatures.verifyRsa(format, pair.getPublic(), INPUT, Bytes.EMPTY)).isFalse();
    }

    @Test
    void givenAnRsaSignatureFromTheJdk_whenVerified_thenTrue() throws Exception {
        // given: SunRsaSign as the independent signer
        java.security.Signature jdk = java.security.Signature.getInstance("SHA384withRSA", "SunRsaSign");
        jdk.initSign(java.security.KeyFactory.getInstance("RSA", "SunRsaSign").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(Keys.encodePrivate(TestKeys.rsa().getPrivate()).toByteArray())));
        jdk.update(INPUT);
        Bytes s = Bytes.of(jdk.sign());

        // when / then
        assertThat(Signatures.verifyRsa(SignatureFormat.RSA_SHA384, TestKeys.rsa().getPublic(), INPUT, s)).isTrue();
        assertThat(Signatures.signRsa(SignatureFormat.RSA_SHA384, TestKeys.rsa().getPrivate(), INPUT)).isEqualTo(s);
    }

    @ParameterizedTest
    @MethodSource("hmacVectors")
    void givenAnRfc4231Vector_whenMacked_thenTheValueIsTheRfcs(Vectors.Vector vector) {
        // given
        SignatureFormat format = SignatureFormat.valueOf(vector.text("format"));
        SecretBytes key = SecretBytes.of(vector.hex("key"));

        // when
        Bytes mac = Signatures.hmac(format, key, vector.hex("message"));

        // then
        assertThat(mac.toHex()).isEqualTo(vector.text("mac"));
        assertThat(Signatures.verifyHmac(format, key, vector.hex("message"), mac)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("hmacFormats")
    void givenAnHmac_whenInputKeyOrValueChange_thenItDoesNotVerify(SignatureFormat format) {
        // given
        SecretBytes key = KeyGeneration.randomSecret(32, TestKeys.RANDOM);
        Bytes mac = Signatures.hmac(format, key, INPUT);
        byte[] otherInput = INPUT.clone();
        otherInput[3] ^= 1;

        // when / then
        assertThat(Signatures.verifyHmac(format, key, INPUT, mac)).isTrue();
        assertThat(Signatures.verifyHmac(format, key, otherInput, mac)).isFalse();
        assertThat(Signatures.verifyHmac(format, KeyGeneration.randomSecret(32, TestKeys.RANDOM), INPUT, mac)).isFalse();
        assertThat(Signatures.verifyHmac(format, key, INPUT, flipLastBit(mac))).isFalse();
        assertThat(Signatures.verifyHmac(format, key, INPUT, Bytes.of(Arrays.copyOf(mac.toByteArray(), mac.length() - 1)))).isFalse();
        assertThat(Signatures.verifyHmac(format, key, INPUT, prependZero(mac))).isFalse();
        assertThat(Signatures.verifyHmac(format, key, INPUT, Bytes.EMPTY)).isFalse();
    }

    @Test
    void givenAFormatOfAnotherKind_whenUsed_thenIllegalArgument() {
        KeyPair ec = TestKeys.ec(EcCurve.P_256);
        KeyPair rsa = TestKeys.rsa();
        SecretBytes secret = SecretBytes.of(new byte[16]);

        assertThatThrownBy(() -> Signatures.signEc(SignatureFormat.RSA_SHA256, ec.getPrivate(), INPUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.verifyEc(SignatureFormat.HMAC_SHA256, ec.getPublic(), INPUT, Bytes.EMPTY, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.signRsa(SignatureFormat.ECDSA_SHA256, rsa.getPrivate(), INPUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.verifyRsa(SignatureFormat.HMAC_SHA384, rsa.getPublic(), INPUT, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.hmac(SignatureFormat.ECDSA_SHA512, secret, INPUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.verifyHmac(SignatureFormat.RSA_SHA512, secret, INPUT, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAKeyOfAnotherType_whenUsed_thenIllegalArgument() {
        KeyPair ec = TestKeys.ec(EcCurve.P_256);
        KeyPair rsa = TestKeys.rsa();

        assertThatThrownBy(() -> Signatures.signEc(SignatureFormat.ECDSA_SHA256, rsa.getPrivate(), INPUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.verifyEc(SignatureFormat.ECDSA_SHA256, rsa.getPublic(), INPUT, Bytes.EMPTY, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.signRsa(SignatureFormat.RSA_SHA256, ec.getPrivate(), INPUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.verifyRsa(SignatureFormat.RSA_SHA256, ec.getPublic(), INPUT, Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signatures.hmac(SignatureFormat.HMAC_SHA256, SecretBytes.EMPTY, INPUT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAnEcKeyOnAnUnsupportedCurve_whenSigning_thenIllegalArgument() throws Exception {
        // given: a JCA key on a curve the profile does not know (P-256 with b changed)
        java.security.spec.ECParameterSpec p256 = ((java.security.interfaces.ECPrivateKey) TestKeys.ec(EcCurve.P_256).getPrivate()).getParams();
        java.security.spec.ECParameterSpec tweaked = new java.security.spec.ECParameterSpec(
                new java.security.spec.EllipticCurve(p256.getCurve().getField(), p256.getCurve().getA(), p256.getCurve().getB().add(BigInteger.ONE)),
                p256.getGenerator(), p256.getOrder(), p256.getCofactor());
        java.security.interfaces.ECPrivateKey key = new java.security.interfaces.ECPrivateKey() {
            private static final long serialVersionUID = 1L;

            @Override
            public BigInteger getS() {
                return BigInteger.TEN;
            }

            @Override
            public java.security.spec.ECParameterSpec getParams() {
                return tweaked;
            }

            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };

        // when / then
        assertThatThrownBy(() -> Signatures.signEc(SignatureFormat.ECDSA_SHA256, key, INPUT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Bytes flipLastBit(Bytes value) {
        byte[] bytes = value.toByteArray();
        bytes[bytes.length - 1] ^= 1;
        return Bytes.of(bytes);
    }

    private static Bytes prependZero(Bytes value) {
        byte[] bytes = new byte[value.length() + 1];
        System.arraycopy(value.toByteArray(), 0, bytes, 1, value.length());
        return Bytes.of(bytes);
    }

    /** {@code value} as exactly the order length, or null if it does not fit. */
    private static Bytes fixed(BigInteger value, EcCurve curve) {
        byte[] raw = value.toByteArray();
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int length = raw.length - start;
        if (length > curve.orderLength()) {
            return null;
        }
        byte[] out = new byte[curve.orderLength()];
        System.arraycopy(raw, start, out, out.length - length, length);
        return Bytes.of(out);
    }
}
