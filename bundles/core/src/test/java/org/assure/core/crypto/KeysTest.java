package org.assure.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

import org.assure.core.error.ErrorKind;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysTest {

    @ParameterizedTest
    @EnumSource(GenerateKeyType.class)
    void givenAGeneratedPair_whenEncodedAndParsedAgain_thenTheKeysAreEqualAndMatch(GenerateKeyType type) throws Exception {
        // given
        KeyPair pair = TestKeys.pair(type);
        KeyFormat format = type == GenerateKeyType.RSA_2048 ? KeyFormat.RSA : KeyFormat.EC;

        // when
        Bytes spki = Keys.encodePublic(pair.getPublic());
        SecretBytes pkcs8 = Keys.encodePrivate(pair.getPrivate());
        PublicKey publicKey = Keys.publicKey(format, spki);
        PrivateKey privateKey = Keys.privateKey(format, pkcs8);

        // then
        assertThat(publicKey).isEqualTo(pair.getPublic());
        assertThat(privateKey).isEqualTo(pair.getPrivate());
        assertThat(Keys.encodePublic(publicKey)).isEqualTo(spki);
        assertThat(Keys.encodePrivate(privateKey)).isEqualTo(pkcs8);
        assertThat(Keys.matches(publicKey, privateKey)).isTrue();
        assertThat(Keys.format(publicKey)).isEqualTo(format);
        assertThat(Keys.format(privateKey)).isEqualTo(format);
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void givenAnEcKey_whenAskedForItsCurve_thenOrderLengthIsThatOfTheCurve(EcCurve curve) {
        // given
        PublicKey key = TestKeys.ec(curve).getPublic();

        // when / then
        assertThat(Keys.curve(key)).isEqualTo(curve);
        assertThat(Keys.ecOrderLength(key)).isEqualTo(curve.orderLength());
        assertThat(Keys.ecOrderLength(curve)).isEqualTo(curve.orderLength());
        assertThat(Keys.curve(TestKeys.ec(curve).getPrivate())).isEqualTo(curve);
    }

    @Test
    void givenTheOrderLengths_thenTheyAreThoseOfProfileSection3() {
        assertThat(EcCurve.P_256.orderLength()).isEqualTo(32);
        assertThat(EcCurve.P_384.orderLength()).isEqualTo(48);
        assertThat(EcCurve.P_521.orderLength()).isEqualTo(66);
    }

    @Test
    void givenAnEcPublicKey_whenEncoded_thenItIsANamedCurveSpkiWithUncompressedPoint() throws Exception {
        // given
        PublicKey key = TestKeys.ec(EcCurve.P_256).getPublic();

        // when
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(Keys.encodePublic(key).toByteArray());

        // then
        assertThat(spki.getAlgorithm().getAlgorithm()).isEqualTo(X9ObjectIdentifiers.id_ecPublicKey);
        assertThat(spki.getAlgorithm().getParameters()).isEqualTo(SECObjectIdentifiers.secp256r1);
        byte[] point = spki.getPublicKeyData().getOctets();
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 0x04);
    }

    @Test
    void givenACompressedPoint_whenParsed_thenTheKeyIsAcceptedAndReEncodedUncompressed() throws Exception {
        // given
        PublicKey key = TestKeys.ec(EcCurve.P_384).getPublic();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(Keys.encodePublic(key).toByteArray());
        byte[] compressed = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp384r1).getCurve()
                .decodePoint(spki.getPublicKeyData().getOctets()).getEncoded(true);
        byte[] compressedSpki = new SubjectPublicKeyInfo(spki.getAlgorithm(), compressed).getEncoded(ASN1Encoding.DER);

        // when
        PublicKey parsed = Keys.publicKey(KeyFormat.EC, Bytes.of(compressedSpki));

        // then
        assertThat(Keys.encodePublic(parsed)).isEqualTo(Keys.encodePublic(key));
    }

    @Test
    void givenAKeyFromTheJdkProvider_whenEncoded_thenOurParserAcceptsItAndPairsMatch() throws Exception {
        // given: SunEC, not BouncyCastle
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair jdk = generator.generateKeyPair();

        // when
        PublicKey publicKey = Keys.publicKey(KeyFormat.EC, Keys.encodePublic(jdk.getPublic()));
        PrivateKey privateKey = Keys.privateKey(KeyFormat.EC, Keys.encodePrivate(jdk.getPrivate()));

        // then
        assertThat(Keys.matches(jdk.getPublic(), jdk.getPrivate())).isTrue();
        assertThat(Keys.matches(publicKey, jdk.getPrivate())).isTrue();
        assertThat(Keys.matches(jdk.getPublic(), privateKey)).isTrue();
        assertThat(Keys.encodePublic(publicKey).toByteArray()).isEqualTo(jdk.getPublic().getEncoded());
    }

    @Test
    void givenHalvesOfDifferentPairs_whenMatched_thenFalse() {
        KeyPair ec = TestKeys.ec(EcCurve.P_256);
        KeyPair otherEc = TestKeys.another(GenerateKeyType.EC_P256);
        KeyPair rsa = TestKeys.rsa();

        assertThat(Keys.matches(ec.getPublic(), otherEc.getPrivate())).isFalse();
        assertThat(Keys.matches(ec.getPublic(), TestKeys.ec(EcCurve.P_384).getPrivate())).isFalse();
        assertThat(Keys.matches(ec.getPublic(), rsa.getPrivate())).isFalse();
        assertThat(Keys.matches(rsa.getPublic(), ec.getPrivate())).isFalse();
    }

    @Test
    void givenRsaHalvesOfDifferentPairs_whenMatched_thenFalse() {
        KeyPair other = TestKeys.another(GenerateKeyType.RSA_2048);

        assertThat(Keys.matches(TestKeys.rsa().getPublic(), other.getPrivate())).isFalse();
        assertThat(Keys.matches(other.getPublic(), other.getPrivate())).isTrue();
    }

    @Test
    void givenGarbage_whenParsed_thenMalformed() {
        assertKind(() -> Keys.publicKey(KeyFormat.EC, Bytes.fromHex("0102030405")), ErrorKind.MALFORMED);
        assertKind(() -> Keys.publicKey(KeyFormat.RSA, Bytes.EMPTY), ErrorKind.MALFORMED);
        assertKind(() -> Keys.privateKey(KeyFormat.EC, SecretBytes.of(new byte[] {0x30, 0x03, 0x02, 0x01})), ErrorKind.MALFORMED);
        assertKind(() -> Keys.privateKey(KeyFormat.RSA, SecretBytes.EMPTY), ErrorKind.MALFORMED);
    }

    @Test
    void givenAValidKeyWithATrailingByte_whenParsed_thenMalformed() {
        byte[] spki = Keys.encodePublic(TestKeys.ec(EcCurve.P_256).getPublic()).toByteArray();
        byte[] trailing = Arrays.copyOf(spki, spki.length + 1);

        assertKind(() -> Keys.publicKey(KeyFormat.EC, Bytes.of(trailing)), ErrorKind.MALFORMED);
    }

    @Test
    void givenABerLongFormLength_whenParsed_thenMalformedBecauseNotDer() {
        // given: the outer SEQUENCE length 0x59 rewritten as 0x81 0x59
        byte[] spki = Keys.encodePublic(TestKeys.ec(EcCurve.P_256).getPublic()).toByteArray();
        byte[] ber = new byte[spki.length + 1];
        ber[0] = 0x30;
        ber[1] = (byte) 0x81;
        System.arraycopy(spki, 1, ber, 2, spki.length - 1);

        // when / then
        assertKind(() -> Keys.publicKey(KeyFormat.EC, Bytes.of(ber)), ErrorKind.MALFORMED);
    }

    @Test
    void givenAKeyOfTheOtherFormat_whenParsed_thenMalformed() {
        Bytes ecSpki = Keys.encodePublic(TestKeys.ec(EcCurve.P_256).getPublic());
        Bytes rsaSpki = Keys.encodePublic(TestKeys.rsa().getPublic());

        assertKind(() -> Keys.publicKey(KeyFormat.RSA, ecSpki), ErrorKind.MALFORMED);
        assertKind(() -> Keys.publicKey(KeyFormat.EC, rsaSpki), ErrorKind.MALFORMED);
        assertKind(() -> Keys.privateKey(KeyFormat.RSA, Keys.encodePrivate(TestKeys.ec(EcCurve.P_256).getPrivate())), ErrorKind.MALFORMED);
        assertKind(() -> Keys.privateKey(KeyFormat.EC, Keys.encodePrivate(TestKeys.rsa().getPrivate())), ErrorKind.MALFORMED);
    }

    @Test
    void givenADerivedSecretFormat_whenParsingAnAsymmetricKey_thenIllegalArgument() {
        Bytes spki = Keys.encodePublic(TestKeys.ec(EcCurve.P_256).getPublic());

        assertThatThrownBy(() -> Keys.publicKey(KeyFormat.DERIVED_SECRET, spki)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.privateKey(KeyFormat.DERIVED_SECRET, SecretBytes.of(new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAnotherNamedCurve_whenParsed_thenNotImplemented() throws Exception {
        // given: secp256k1, a valid curve the profile does not allow
        X9ECParameters k1 = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256k1);
        byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256k1),
                k1.getG().getEncoded(false)).getEncoded(ASN1Encoding.DER);

        // when / then
        assertKind(() -> Keys.publicKey(KeyFormat.EC, Bytes.of(spki)), ErrorKind.NOT_IMPLEMENTED);
    }

    @Test
    void givenExplicitCurveParameters_whenParsed_thenNotImplemented() throws Exception {
        // given: P-256 itself, but spelled out instead of named
        X9ECParameters p256 = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1);
        byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, p256),
                p256.getG().getEncoded(false)).getEncoded(ASN1Encoding.DER);

        // when / then
        assertKind(() -> Keys.publicKey(KeyFormat.EC, Bytes.of(spki)), ErrorKind.NOT_IMPLEMENTED);
    }

    @Test
    void givenAPointNotOnTheCurve_whenParsed_thenMalformed() {
        // given
        byte[] spki = Keys.encodePublic(TestKeys.ec(EcCurve.P_256).getPublic()).toByteArray();
        spki[spki.length - 1] ^= 0x01;

        // when / then
        assertKind(() -> Keys.publicKey(KeyFormat.EC, Bytes.of(spki)), ErrorKind.MALFORMED);
    }

    @Test
    void givenTheBitStringPointAtInfinity_whenParsed_thenMalformed() throws Exception {
        byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1),
                new byte[] {0x00}).getEncoded(ASN1Encoding.DER);

        assertKind(() -> Keys.publicKey(KeyFormat.EC, Bytes.of(spki)), ErrorKind.MALFORMED);
    }

    @Test
    void givenAnRsa1024Key_whenParsed_thenNotImplemented() throws Exception {
        // given
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
        generator.initialize(1024);
        KeyPair small = generator.generateKeyPair();

        // when / then
        assertKind(() -> Keys.publicKey(KeyFormat.RSA, Bytes.of(small.getPublic().getEncoded())), ErrorKind.NOT_IMPLEMENTED);
        assertKind(() -> Keys.privateKey(KeyFormat.RSA, SecretBytes.of(small.getPrivate().getEncoded())), ErrorKind.NOT_IMPLEMENTED);
    }

    @Test
    void givenAnEvenRsaExponent_whenParsed_thenMalformed() throws Exception {
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) TestKeys.rsa().getPublic();
        byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(rsa.getModulus(), BigInteger.valueOf(65_536))).getEncoded(ASN1Encoding.DER);

        assertKind(() -> Keys.publicKey(KeyFormat.RSA, Bytes.of(spki)), ErrorKind.MALFORMED);
    }

    @Test
    void givenAnEcPrivateKeyWhoseEmbeddedPublicKeyDiffers_whenParsed_thenMalformed() throws Exception {
        // given: the scalar of one key with the public point of another
        ECPrivateKey d = (ECPrivateKey) TestKeys.ec(EcCurve.P_256).getPrivate();
        byte[] otherPoint = SubjectPublicKeyInfo.getInstance(
                Keys.encodePublic(TestKeys.another(GenerateKeyType.EC_P256).getPublic()).toByteArray()).getPublicKeyData().getOctets();
        byte[] pkcs8 = ecPkcs8(SECObjectIdentifiers.secp256r1, d.getS(), otherPoint);

        // when / then
        assertKind(() -> Keys.privateKey(KeyFormat.EC, SecretBytes.of(pkcs8)), ErrorKind.MALFORMED);
    }

    @Test
    void givenAnEcPrivateScalarOutOfRange_whenParsed_thenMalformed() throws Exception {
        BigInteger n = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1).getN();

        assertKind(() -> Keys.privateKey(KeyFormat.EC, SecretBytes.of(ecPkcs8(SECObjectIdentifiers.secp256r1, BigInteger.ZERO, null))),
                ErrorKind.MALFORMED);
        assertKind(() -> Keys.privateKey(KeyFormat.EC, SecretBytes.of(ecPkcs8(SECObjectIdentifiers.secp256r1, n, null))),
                ErrorKind.MALFORMED);
    }

    @Test
    void givenAnEcPrivateKeyWithoutEmbeddedPublicKey_whenParsed_thenItIsAcceptedAndMatches() throws Exception {
        ECPrivateKey d = (ECPrivateKey) TestKeys.ec(EcCurve.P_521).getPrivate();
        byte[] pkcs8 = ecPkcs8(SECObjectIdentifiers.secp521r1, d.getS(), null);

        PrivateKey parsed = Keys.privateKey(KeyFormat.EC, SecretBytes.of(pkcs8));

        assertThat(Keys.matches(TestKeys.ec(EcCurve.P_521).getPublic(), parsed)).isTrue();
    }

    @Test
    void givenAnInconsistentRsaPrivateKey_whenParsed_thenMalformed() throws Exception {
        // given: p replaced, so p * q != n
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) TestKeys.rsa().getPrivate();
        RSAPrivateKey broken = new RSAPrivateKey(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrimeP().add(BigInteger.TWO), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
        byte[] pkcs8 = new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), broken)
                .getEncoded(ASN1Encoding.DER);

        // when / then
        assertKind(() -> Keys.privateKey(KeyFormat.RSA, SecretBytes.of(pkcs8)), ErrorKind.MALFORMED);
    }

    @Test
    void givenAnEcPrivateKeyWithAnUnknownField_whenParsed_thenMalformed() throws Exception {
        // given: the [1] publicKey tag turned into [20], which RFC 5915 does not define
        byte[] pkcs8 = Keys.encodePrivate(TestKeys.ec(EcCurve.P_256).getPrivate()).toByteArray();
        int tag = pkcs8.length - 70;
        assertThat(pkcs8[tag]).isEqualTo((byte) 0xa1);
        pkcs8[tag] = (byte) 0xb4;

        // when / then
        assertKind(() -> Keys.privateKey(KeyFormat.EC, SecretBytes.of(pkcs8)), ErrorKind.MALFORMED);
    }

    @Test
    void givenAMalformedPrivateKey_whenParsed_thenTheMessageIsFixedText() {
        byte[] pkcs8 = Keys.encodePrivate(TestKeys.ec(EcCurve.P_256).getPrivate()).toByteArray();
        pkcs8[pkcs8.length - 1] ^= 0x55;

        assertThatThrownBy(() -> Keys.privateKey(KeyFormat.EC, SecretBytes.of(pkcs8)))
                .isInstanceOf(CryptoException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[0-9a-fA-F]{8}"));
    }

    @Test
    void givenANonAsymmetricKey_whenEncodedOrAskedForItsFormat_thenIllegalArgument() {
        javax.crypto.spec.SecretKeySpec aes = new javax.crypto.spec.SecretKeySpec(new byte[16], "AES");

        assertThatThrownBy(() -> Keys.format(aes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.curve(TestKeys.rsa().getPublic())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.ecOrderLength(TestKeys.rsa().getPublic())).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] ecPkcs8(org.bouncycastle.asn1.ASN1ObjectIdentifier curve, BigInteger d, byte[] point) throws Exception {
        int orderBits = CustomNamedCurves.getByOID(curve).getN().bitLength();
        var inner = new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits, d, point == null ? null : new DERBitString(point), null);
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), inner).getEncoded(ASN1Encoding.DER);
    }

    static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorKind kind) {
        assertThatThrownBy(call).isInstanceOf(CryptoException.class)
                .satisfies(e -> assertThat(((CryptoException) e).kind()).isEqualTo(kind));
    }
}
