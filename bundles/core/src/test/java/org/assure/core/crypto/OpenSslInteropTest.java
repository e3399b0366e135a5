package org.assure.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assure.core.crypto.KeysTest.assertKind;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.assure.core.error.ErrorKind;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.assure.core.model.SignatureFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** PROFILE §4: our envelopes decrypt with {@code openssl cms -decrypt}, and OpenSSL's decrypt here. */
class OpenSslInteropTest {
    private static final byte[] CONTENT = {0x00, (byte) 0xff, 's', 'e', 'c', 'r', 'e', 't', 0x00, 0x01, 0x02, (byte) 0x80,
        '1', '6', '+', 'b', 'y', 't', 'e', 's'};
    private static final UUID KEY_ID = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

    @TempDir
    Path dir;

    @BeforeEach
    void requireOpenSsl() {
        OpenSsl.assumeAvailable();
    }

    static Stream<Arguments> ourEnvelopes() {
        List<Arguments> arguments = new ArrayList<>();
        for (GenerateKeyType type : GenerateKeyType.values()) {
            arguments.add(Arguments.of(type, CmsOptions.DEFAULT));
            arguments.add(Arguments.of(type, new CmsOptions(true, "SHA-384")));
        }
        arguments.add(Arguments.of(GenerateKeyType.EC_P256, new CmsOptions(false, "SHA-512")));
        arguments.add(Arguments.of(GenerateKeyType.RSA_2048, new CmsOptions(true, "SHA-512")));
        return arguments.stream();
    }

    @ParameterizedTest
    @MethodSource("ourEnvelopes")
    void givenOurEnvelope_whenOpenSslDecryptsItWithTheKey_thenTheContentComesOut(GenerateKeyType type, CmsOptions options) throws Exception {
        // given
        KeyPair pair = TestKeys.pair(type);
        Files.write(dir.resolve("key.der"), Keys.encodePrivate(pair.getPrivate()).toByteArray());
        Files.write(dir.resolve("env.der"), CmsEnvelopes.seal(pair.getPublic(), KEY_ID, CONTENT, options, TestKeys.RANDOM).toByteArray());

        // when
        OpenSsl.Result result = OpenSsl.ok(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "env.der",
                "-inkey", "key.der", "-keyform", "DER");

        // then
        assertThat(result.stdout()).isEqualTo(CONTENT);
    }

    static Stream<Arguments> openSslEcOptions() {
        return Stream.of(
                Arguments.of(GenerateKeyType.EC_P256, "-aes128", "sha256"),
                Arguments.of(GenerateKeyType.EC_P384, "-aes128", "sha256"),
                Arguments.of(GenerateKeyType.EC_P521, "-aes128", "sha256"),
                Arguments.of(GenerateKeyType.EC_P256, "-aes256", "sha384"),
                Arguments.of(GenerateKeyType.EC_P384, "-aes256", "sha512"));
    }

    @ParameterizedTest
    @MethodSource("openSslEcOptions")
    void givenAnOpenSslEcEnvelopeForACertificate_whenOpened_thenTheContentComesOut(GenerateKeyType type, String cipher, String kdf)
            throws Exception {
        // given: OpenSSL names the recipient by the certificate's issuer and serial number
        KeyPair pair = TestKeys.pair(type);
        writeKeyAndCertificate(pair, "");
        Files.write(dir.resolve("content.bin"), CONTENT);
        OpenSsl.ok(dir, "cms", "-encrypt", "-binary", "-outform", "DER", cipher, "-in", "content.bin", "-out", "env.der",
                "-recip", "cert.pem", "-keyopt", "ecdh_kdf_md:" + kdf);

        // when
        byte[] opened = CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.of(Files.readAllBytes(dir.resolve("env.der"))));

        // then
        assertThat(opened).isEqualTo(CONTENT);
    }

    @ParameterizedTest
    @EnumSource(value = GenerateKeyType.class, names = {"RSA_2048"})
    void givenAnOpenSslRsaOaepEnvelopeForACertificate_whenOpened_thenTheContentComesOut(GenerateKeyType type) throws Exception {
        // given
        KeyPair pair = TestKeys.pair(type);
        writeKeyAndCertificate(pair, "");
        Files.write(dir.resolve("content.bin"), CONTENT);
        OpenSsl.ok(dir, "cms", "-encrypt", "-binary", "-outform", "DER", "-aes128", "-in", "content.bin", "-out", "sha256.der",
                "-recip", "cert.pem", "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256");
        OpenSsl.ok(dir, "cms", "-encrypt", "-binary", "-outform", "DER", "-aes256", "-in", "content.bin", "-out", "sha512.der",
                "-recip", "cert.pem", "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha512", "-keyopt", "rsa_mgf1_md:sha512");

        // when / then
        assertThat(CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.of(Files.readAllBytes(dir.resolve("sha256.der"))))).isEqualTo(CONTENT);
        assertThat(CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.of(Files.readAllBytes(dir.resolve("sha512.der"))))).isEqualTo(CONTENT);
    }

    @ParameterizedTest
    @EnumSource(value = GenerateKeyType.class, names = {"EC_P256", "RSA_2048"})
    void givenAnOpenSslEnvelopeNamingTheUuidAsSubjectKeyIdentifier_whenOpened_thenOnlyThatUuidOpensIt(GenerateKeyType type)
            throws Exception {
        // given: a certificate whose subjectKeyIdentifier is the key UUID, used with -keyid
        KeyPair pair = TestKeys.pair(type);
        writeKeyAndCertificate(pair, HexFormat.of().formatHex(CmsEnvelopesTest.uuidBytes(KEY_ID)));
        Files.write(dir.resolve("content.bin"), CONTENT);
        List<String> command = new ArrayList<>(List.of("cms", "-encrypt", "-binary", "-outform", "DER", "-aes128", "-in", "content.bin",
                "-out", "env.der", "-recip", "cert.pem", "-keyid"));
        command.addAll(type == GenerateKeyType.RSA_2048
                ? List.of("-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256")
                : List.of("-keyopt", "ecdh_kdf_md:sha256"));
        OpenSsl.ok(dir, command.toArray(String[]::new));
        Bytes envelope = Bytes.of(Files.readAllBytes(dir.resolve("env.der")));

        // when / then
        assertThat(CmsEnvelopes.open(pair.getPrivate(), KEY_ID, envelope)).isEqualTo(CONTENT);
        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), UUID.randomUUID(), envelope), ErrorKind.UNAUTHENTICATED);
    }

    @Test
    void givenAnOpenSslRsaEnvelopeWithPkcs1v15Padding_whenOpened_thenNotImplemented() throws Exception {
        // given: OpenSSL's default RSA key transport, which PROFILE §4 does not allow
        KeyPair pair = TestKeys.rsa();
        writeKeyAndCertificate(pair, "");
        Files.write(dir.resolve("content.bin"), CONTENT);
        OpenSsl.ok(dir, "cms", "-encrypt", "-binary", "-outform", "DER", "-aes128", "-in", "content.bin", "-out", "env.der",
                "-recip", "cert.pem");

        // when / then
        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.of(Files.readAllBytes(dir.resolve("env.der")))),
                ErrorKind.NOT_IMPLEMENTED);
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void givenKeysGeneratedByOpenSsl_whenParsed_thenTheyMatchAndOurEncodingsAreOpenSsls(EcCurve curve) throws Exception {
        // given
        OpenSsl.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve.label(), "-out", "key.pem");
        exportPkcs8AndSpki();
        byte[] pkcs8 = Files.readAllBytes(dir.resolve("key.der"));
        byte[] spki = Files.readAllBytes(dir.resolve("pub.der"));

        // when
        PrivateKey privateKey = Keys.privateKey(KeyFormat.EC, SecretBytes.of(pkcs8));
        PublicKey publicKey = Keys.publicKey(KeyFormat.EC, Bytes.of(spki));

        // then
        assertThat(Keys.matches(publicKey, privateKey)).isTrue();
        assertThat(Keys.curve(publicKey)).isEqualTo(curve);
        assertThat(Keys.encodePublic(publicKey).toByteArray()).isEqualTo(spki);
        Files.write(dir.resolve("ours.der"), Keys.encodePrivate(privateKey).toByteArray());
        assertThat(OpenSsl.ok(dir, "pkey", "-inform", "DER", "-in", "ours.der", "-check", "-noout").out()).contains("valid");
    }

    @Test
    void givenAnRsaKeyGeneratedByOpenSsl_whenParsed_thenItMatchesAndOpenSslAcceptsOurEncoding() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem");
        exportPkcs8AndSpki();

        PrivateKey privateKey = Keys.privateKey(KeyFormat.RSA, SecretBytes.of(Files.readAllBytes(dir.resolve("key.der"))));
        PublicKey publicKey = Keys.publicKey(KeyFormat.RSA, Bytes.of(Files.readAllBytes(dir.resolve("pub.der"))));

        assertThat(Keys.matches(publicKey, privateKey)).isTrue();
        assertThat(Keys.encodePublic(publicKey).toByteArray()).isEqualTo(Files.readAllBytes(dir.resolve("pub.der")));
        assertThat(Keys.encodePrivate(privateKey).toByteArray()).isEqualTo(Files.readAllBytes(dir.resolve("key.der")));
    }

    static Stream<Arguments> ecdsaFormatsAndCurves() {
        List<Arguments> arguments = new ArrayList<>();
        for (EcCurve curve : EcCurve.values()) {
            arguments.add(Arguments.of(SignatureFormat.ECDSA_SHA256, curve));
        }
        arguments.add(Arguments.of(SignatureFormat.ECDSA_SHA384, EcCurve.P_384));
        arguments.add(Arguments.of(SignatureFormat.ECDSA_SHA512, EcCurve.P_521));
        return arguments.stream();
    }

    @ParameterizedTest
    @MethodSource("ecdsaFormatsAndCurves")
    void givenEcdsaSignaturesBothWays_whenVerifiedByTheOtherSide_thenTheyVerify(SignatureFormat format, EcCurve curve) throws Exception {
        // given
        KeyPair pair = TestKeys.ec(curve);
        byte[] input = "signing input \u0000\u00ff".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(dir.resolve("input.bin"), input);
        Files.write(dir.resolve("key.der"), Keys.encodePrivate(pair.getPrivate()).toByteArray());
        Files.write(dir.resolve("pub.der"), Keys.encodePublic(pair.getPublic()).toByteArray());
        String digest = "-" + format.digest().replace("-", "").toLowerCase(java.util.Locale.ROOT);

        // when: ours to OpenSSL (r and s back to a DER Ecdsa-Sig-Value)
        EcSignatureValue ours = Signatures.signEc(format, pair.getPrivate(), input);
        Files.write(dir.resolve("ours.sig"), new DERSequence(new ASN1Integer[] {
            new ASN1Integer(new BigInteger(1, ours.r().toByteArray())), new ASN1Integer(new BigInteger(1, ours.s().toByteArray()))})
                .getEncoded(ASN1Encoding.DER));
        OpenSsl.Result verified = OpenSsl.ok(dir, "dgst", digest, "-verify", "pub.der", "-keyform", "DER", "-signature", "ours.sig", "input.bin");
        // and OpenSSL to ours
        OpenSsl.ok(dir, "dgst", digest, "-sign", "key.der", "-keyform", "DER", "-out", "theirs.sig", "input.bin");
        ASN1Sequence theirs = ASN1Sequence.getInstance(Files.readAllBytes(dir.resolve("theirs.sig")));
        Bytes r = fixed(ASN1Integer.getInstance(theirs.getObjectAt(0)).getValue(), curve);
        Bytes s = fixed(ASN1Integer.getInstance(theirs.getObjectAt(1)).getValue(), curve);

        // then
        assertThat(verified.out()).contains("Verified OK");
        assertThat(Signatures.verifyEc(format, pair.getPublic(), input, r, s)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SignatureFormat.class, names = {"RSA_SHA256", "RSA_SHA384", "RSA_SHA512"})
    void givenRsaSignaturesBothWays_whenVerifiedByTheOtherSide_thenTheyVerify(SignatureFormat format) throws Exception {
        KeyPair pair = TestKeys.rsa();
        byte[] input = "rsa signing input".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(dir.resolve("input.bin"), input);
        Files.write(dir.resolve("key.der"), Keys.encodePrivate(pair.getPrivate()).toByteArray());
        Files.write(dir.resolve("pub.der"), Keys.encodePublic(pair.getPublic()).toByteArray());
        Files.write(dir.resolve("ours.sig"), Signatures.signRsa(format, pair.getPrivate(), input).toByteArray());
        String digest = "-" + format.digest().replace("-", "").toLowerCase(java.util.Locale.ROOT);

        OpenSsl.Result verified = OpenSsl.ok(dir, "dgst", digest, "-verify", "pub.der", "-keyform", "DER", "-signature", "ours.sig", "input.bin");
        OpenSsl.ok(dir, "dgst", digest, "-sign", "key.der", "-keyform", "DER", "-out", "theirs.sig", "input.bin");

        assertThat(verified.out()).contains("Verified OK");
        assertThat(Signatures.verifyRsa(format, pair.getPublic(), input, Bytes.of(Files.readAllBytes(dir.resolve("theirs.sig"))))).isTrue();
    }

    @Test
    void givenARandomBinaryPassword_whenPbkdf2Runs_thenOpenSslAgrees() {
        // given: bytes that are no valid UTF-8, with 0x00 and 0xff, as a derived reference secret can be
        byte[] password = KeyGeneration.randomSecret(32, TestKeys.RANDOM).toByteArray();
        password[0] = 0x00;
        password[1] = (byte) 0xff;
        password[2] = (byte) 0xc0;
        byte[] salt = KeyGeneration.randomSecret(16, TestKeys.RANDOM).toByteArray();

        // when
        byte[] ours = SecretDerivation.pbkdf2Sha256(password, salt, 1000, 40);
        OpenSsl.Result theirs = OpenSsl.ok(dir, "kdf", "-keylen", "40", "-kdfopt", "digest:SHA256",
                "-kdfopt", "hexpass:" + HexFormat.of().formatHex(password), "-kdfopt", "hexsalt:" + HexFormat.of().formatHex(salt),
                "-kdfopt", "iter:1000", "PBKDF2");

        // then
        assertThat(HexFormat.of().formatHex(ours)).isEqualTo(theirs.out().trim().replace(":", "").toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void givenOpenSslsTraditionalDerKeys_whenParsed_thenMalformedBecauseTheProfileCarriesPkcs8() throws Exception {
        // given: OpenSSL 3.0 writes SEC 1 ECPrivateKey and PKCS#1 RSAPrivateKey for "-outform DER"
        OpenSsl.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-outform", "DER", "-out", "ec.der");
        OpenSsl.ok(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-outform", "DER", "-out", "rsa.der");

        // when / then
        assertKind(() -> Keys.privateKey(KeyFormat.EC, SecretBytes.of(Files.readAllBytes(dir.resolve("ec.der")))), ErrorKind.MALFORMED);
        assertKind(() -> Keys.privateKey(KeyFormat.RSA, SecretBytes.of(Files.readAllBytes(dir.resolve("rsa.der")))), ErrorKind.MALFORMED);
    }

    /** key.pem to DER PKCS#8 key.der and DER SubjectPublicKeyInfo pub.der. */
    private void exportPkcs8AndSpki() {
        OpenSsl.ok(dir, "pkcs8", "-topk8", "-nocrypt", "-in", "key.pem", "-outform", "DER", "-out", "key.der");
        OpenSsl.ok(dir, "pkey", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der");
    }

    /** key.der and a self-signed cert.pem; {@code subjectKeyId} as hex, or empty for OpenSSL's default. */
    private void writeKeyAndCertificate(KeyPair pair, String subjectKeyId) throws Exception {
        Files.write(dir.resolve("key.der"), Keys.encodePrivate(pair.getPrivate()).toByteArray());
        List<String> command = new ArrayList<>(List.of("req", "-new", "-x509", "-key", "key.der", "-keyform", "DER",
                "-subj", "/CN=aSSURE test recipient", "-days", "1", "-out", "cert.pem"));
        if (!subjectKeyId.isEmpty()) {
            command.addAll(List.of("-addext", "subjectKeyIdentifier=" + subjectKeyId));
        }
        OpenSsl.ok(dir, command.toArray(String[]::new));
    }

    private static Bytes fixed(BigInteger value, EcCurve curve) {
        return Bytes.of(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(curve.orderLength(), value));
    }
}
