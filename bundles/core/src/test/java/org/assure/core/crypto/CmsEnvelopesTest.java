package org.assure.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assure.core.crypto.KeysTest.assertKind;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.assure.core.crypto.internal.BouncyCastle;
import org.assure.core.error.ErrorKind;
import org.assure.core.model.Bytes;
import org.assure.core.model.GenerateKeyType;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.cms.RecipientKeyIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CmsEnvelopesTest {
    private static final byte[] CONTENT = "derived secret, 32 bytes long!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final UUID KEY_ID = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static final List<CmsOptions> OPTIONS = List.of(CmsOptions.DEFAULT, new CmsOptions(true, "SHA-256"),
            new CmsOptions(false, "SHA-384"), new CmsOptions(true, "SHA-512"));

    static Stream<Arguments> recipientsAndOptions() {
        List<Arguments> arguments = new ArrayList<>();
        for (GenerateKeyType type : GenerateKeyType.values()) {
            for (CmsOptions options : OPTIONS) {
                arguments.add(Arguments.of(type, options));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest
    @MethodSource("recipientsAndOptions")
    void givenARecipientKey_whenSealedAndOpened_thenTheContentComesBack(GenerateKeyType type, CmsOptions options) throws Exception {
        // given
        KeyPair pair = TestKeys.pair(type);

        // when
        Bytes envelope = CmsEnvelopes.seal(pair.getPublic(), KEY_ID, CONTENT, options, TestKeys.RANDOM);
        byte[] opened = CmsEnvelopes.open(pair.getPrivate(), KEY_ID, envelope);

        // then
        assertThat(opened).isEqualTo(CONTENT);
    }

    @ParameterizedTest
    @MethodSource("recipientsAndOptions")
    void givenASealedEnvelope_thenItIsDerWithTheProfilesAlgorithmsAndTheUuidAsSubjectKeyIdentifier(GenerateKeyType type,
            CmsOptions options) throws Exception {
        // given
        KeyPair pair = TestKeys.pair(type);

        // when
        byte[] der = CmsEnvelopes.seal(pair.getPublic(), KEY_ID, CONTENT, options, TestKeys.RANDOM).toByteArray();

        // then
        ASN1Primitive parsed = ASN1Primitive.fromByteArray(der);
        assertThat(parsed.getEncoded(ASN1Encoding.DER)).isEqualTo(der);
        ContentInfo contentInfo = ContentInfo.getInstance(parsed);
        assertThat(contentInfo.getContentType()).isEqualTo(CMSObjectIdentifiers.envelopedData);
        EnvelopedData enveloped = EnvelopedData.getInstance(contentInfo.getContent());
        assertThat(enveloped.getEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm())
                .isEqualTo(options.aes256() ? CMSAlgorithm.AES256_CBC : CMSAlgorithm.AES128_CBC);
        assertThat(enveloped.getRecipientInfos().size()).isEqualTo(1);
        RecipientInfo recipient = RecipientInfo.getInstance(enveloped.getRecipientInfos().getObjectAt(0));
        if (type == GenerateKeyType.RSA_2048) {
            assertRsaRecipient(KeyTransRecipientInfo.getInstance(recipient.getInfo()), options);
        } else {
            assertEcRecipient(KeyAgreeRecipientInfo.getInstance(recipient.getInfo()), options);
        }
    }

    private static void assertRsaRecipient(KeyTransRecipientInfo info, CmsOptions options) {
        assertThat(info.getRecipientIdentifier().isTagged()).isTrue();
        assertThat(ASN1OctetString.getInstance(info.getRecipientIdentifier().getId()).getOctets()).isEqualTo(uuidBytes(KEY_ID));
        AlgorithmIdentifier algorithm = info.getKeyEncryptionAlgorithm();
        assertThat(algorithm.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_RSAES_OAEP);
        RSAESOAEPparams parameters = RSAESOAEPparams.getInstance(algorithm.getParameters());
        assertThat(parameters.getHashAlgorithm().getAlgorithm()).isEqualTo(digestOid(options.digest()));
        assertThat(parameters.getMaskGenAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_mgf1);
        assertThat(AlgorithmIdentifier.getInstance(parameters.getMaskGenAlgorithm().getParameters()).getAlgorithm())
                .isEqualTo(digestOid(options.digest()));
    }

    private static void assertEcRecipient(KeyAgreeRecipientInfo info, CmsOptions options) {
        assertThat(info.getOriginator().getOriginatorKey()).as("ephemeral originator key (RFC 5753 §3.1.1)").isNotNull();
        AlgorithmIdentifier algorithm = info.getKeyEncryptionAlgorithm();
        assertThat(algorithm.getAlgorithm()).isEqualTo(switch (options.digest()) {
            case "SHA-256" -> CMSAlgorithm.ECDH_SHA256KDF;
            case "SHA-384" -> CMSAlgorithm.ECDH_SHA384KDF;
            default -> CMSAlgorithm.ECDH_SHA512KDF;
        });
        assertThat(AlgorithmIdentifier.getInstance(algorithm.getParameters()).getAlgorithm())
                .isEqualTo(options.aes256() ? CMSAlgorithm.AES256_WRAP : CMSAlgorithm.AES128_WRAP);
        RecipientEncryptedKey key = RecipientEncryptedKey.getInstance(info.getRecipientEncryptedKeys().getObjectAt(0));
        assertThat(RecipientKeyIdentifier.getInstance(key.getIdentifier().getRKeyID()).getSubjectKeyIdentifier().getOctets())
                .isEqualTo(uuidBytes(KEY_ID));
    }

    @Test
    void givenTwoSealsOfTheSameContent_thenTheEnvelopesDiffer() {
        PublicKey key = TestKeys.ec(EcCurve.P_256).getPublic();

        assertThat(CmsEnvelopes.seal(key, KEY_ID, CONTENT, CmsOptions.DEFAULT, TestKeys.RANDOM))
                .isNotEqualTo(CmsEnvelopes.seal(key, KEY_ID, CONTENT, CmsOptions.DEFAULT, TestKeys.RANDOM));
    }

    @Test
    void givenEmptyAndLargeContent_whenSealedAndOpened_thenTheyComeBack() throws Exception {
        KeyPair pair = TestKeys.ec(EcCurve.P_384);
        byte[] large = new byte[200_000];
        TestKeys.RANDOM.nextBytes(large);

        for (byte[] content : List.of(new byte[0], large)) {
            Bytes envelope = CmsEnvelopes.seal(pair.getPublic(), KEY_ID, content, CmsOptions.DEFAULT, TestKeys.RANDOM);
            assertThat(CmsEnvelopes.open(pair.getPrivate(), KEY_ID, envelope)).isEqualTo(content);
        }
    }

    @Test
    void givenAnotherKeyId_whenOpened_thenUnauthenticated() {
        for (KeyPair pair : List.of(TestKeys.ec(EcCurve.P_256), TestKeys.rsa())) {
            Bytes envelope = CmsEnvelopes.seal(pair.getPublic(), KEY_ID, CONTENT, CmsOptions.DEFAULT, TestKeys.RANDOM);

            assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), UUID.randomUUID(), envelope), ErrorKind.UNAUTHENTICATED);
        }
    }

    @Test
    void givenAnotherKeyUnderTheSameId_whenOpened_thenUnauthenticated() {
        for (GenerateKeyType type : List.of(GenerateKeyType.EC_P256, GenerateKeyType.RSA_2048)) {
            Bytes envelope = CmsEnvelopes.seal(TestKeys.pair(type).getPublic(), KEY_ID, CONTENT, CmsOptions.DEFAULT, TestKeys.RANDOM);

            assertKind(() -> CmsEnvelopes.open(TestKeys.another(type).getPrivate(), KEY_ID, envelope), ErrorKind.UNAUTHENTICATED);
        }
    }

    @Test
    void givenAKeyOfTheOtherType_whenOpened_thenUnauthenticated() {
        Bytes ecEnvelope = CmsEnvelopes.seal(TestKeys.ec(EcCurve.P_256).getPublic(), KEY_ID, CONTENT, CmsOptions.DEFAULT, TestKeys.RANDOM);
        Bytes rsaEnvelope = CmsEnvelopes.seal(TestKeys.rsa().getPublic(), KEY_ID, CONTENT, CmsOptions.DEFAULT, TestKeys.RANDOM);

        assertKind(() -> CmsEnvelopes.open(TestKeys.rsa().getPrivate(), KEY_ID, ecEnvelope), ErrorKind.UNAUTHENTICATED);
        assertKind(() -> CmsEnvelopes.open(TestKeys.ec(EcCurve.P_256).getPrivate(), KEY_ID, rsaEnvelope), ErrorKind.UNAUTHENTICATED);
        assertKind(() -> CmsEnvelopes.open(TestKeys.ec(EcCurve.P_384).getPrivate(), KEY_ID, ecEnvelope), ErrorKind.UNAUTHENTICATED);
    }

    @Test
    void givenATamperedWrappedKey_whenOpened_thenUnauthenticated() throws Exception {
        for (KeyPair pair : List.of(TestKeys.ec(EcCurve.P_256), TestKeys.rsa())) {
            // given
            byte[] der = CmsEnvelopes.seal(pair.getPublic(), KEY_ID, CONTENT, CmsOptions.DEFAULT, TestKeys.RANDOM).toByteArray();
            byte[] wrapped = encryptedKey(der);
            int at = indexOf(der, wrapped);
            der[at + wrapped.length / 2] ^= 0x01;

            // when / then
            assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.of(der)), ErrorKind.UNAUTHENTICATED);
        }
    }

    @Test
    void givenBytesThatAreNoEnvelope_whenOpened_thenMalformed() throws Exception {
        KeyPair pair = TestKeys.ec(EcCurve.P_256);
        byte[] valid = CmsEnvelopes.seal(pair.getPublic(), KEY_ID, CONTENT, CmsOptions.DEFAULT, TestKeys.RANDOM).toByteArray();
        byte[] data = new ContentInfo(CMSObjectIdentifiers.data, new DEROctetString(CONTENT)).getEncoded(ASN1Encoding.DER);

        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.EMPTY), ErrorKind.MALFORMED);
        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.fromHex("3003020101")), ErrorKind.MALFORMED);
        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.of(Arrays.copyOf(valid, valid.length + 1))), ErrorKind.MALFORMED);
        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.of(Arrays.copyOf(valid, valid.length - 1))), ErrorKind.MALFORMED);
        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, Bytes.of(data)), ErrorKind.MALFORMED);
    }

    @Test
    void givenRsaPkcs1v15KeyTransport_whenOpened_thenNotImplemented() throws Exception {
        // given: the RSA key transport the profile does not allow (no OAEP)
        KeyPair pair = TestKeys.rsa();
        Bytes envelope = envelope(new JceKeyTransRecipientInfoGenerator(uuidBytes(KEY_ID), pair.getPublic())
                .setProvider(BouncyCastle.provider()), CMSAlgorithm.AES128_CBC);

        // when / then
        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, envelope), ErrorKind.NOT_IMPLEMENTED);
    }

    @Test
    void givenOaepWithSha1_whenOpened_thenNotImplemented() throws Exception {
        // given: OAEP with its default SHA-1 parameters, which the draft says not to use
        KeyPair pair = TestKeys.rsa();
        AlgorithmIdentifier oaepSha1 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams());
        Bytes envelope = envelope(new JceKeyTransRecipientInfoGenerator(uuidBytes(KEY_ID),
                new JceAsymmetricKeyWrapper(oaepSha1, pair.getPublic()).setProvider(BouncyCastle.provider())), CMSAlgorithm.AES128_CBC);

        // when / then
        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, envelope), ErrorKind.NOT_IMPLEMENTED);
    }

    @Test
    void givenEcdhWithSha1Kdf_whenOpened_thenNotImplemented() throws Exception {
        KeyPair pair = TestKeys.ec(EcCurve.P_256);
        KeyPair ephemeral = TestKeys.another(GenerateKeyType.EC_P256);
        Bytes envelope = envelope(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA1KDF, ephemeral.getPrivate(),
                ephemeral.getPublic(), CMSAlgorithm.AES128_WRAP).addRecipient(uuidBytes(KEY_ID), pair.getPublic())
                .setProvider(BouncyCastle.provider()), CMSAlgorithm.AES128_CBC);

        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, envelope), ErrorKind.NOT_IMPLEMENTED);
    }

    @Test
    void givenTripleDesContent_whenOpened_thenNotImplemented() throws Exception {
        KeyPair pair = TestKeys.rsa();
        Bytes envelope = envelope(new JceKeyTransRecipientInfoGenerator(uuidBytes(KEY_ID),
                new JceAsymmetricKeyWrapper(oaep256(), pair.getPublic()).setProvider(BouncyCastle.provider())), CMSAlgorithm.DES_EDE3_CBC);

        assertKind(() -> CmsEnvelopes.open(pair.getPrivate(), KEY_ID, envelope), ErrorKind.NOT_IMPLEMENTED);
    }

    @Test
    void givenRecipientsNamedByIssuerAndSerial_whenOpened_thenTheOneThatDecryptsIsUsedWhateverTheKeyId() throws Exception {
        // given: two certificate-named recipients, ours second
        KeyPair other = TestKeys.another(GenerateKeyType.EC_P256);
        KeyPair ours = TestKeys.ec(EcCurve.P_256);
        KeyPair ephemeral = TestKeys.another(GenerateKeyType.EC_P256);
        JceKeyAgreeRecipientInfoGenerator generator = new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES128_WRAP)
                .addRecipient(TestCertificates.selfSigned(other, "other"))
                .addRecipient(TestCertificates.selfSigned(ours, "ours"))
                .setProvider(BouncyCastle.provider());
        Bytes envelope = envelope(generator, CMSAlgorithm.AES128_CBC);

        // when / then
        assertThat(CmsEnvelopes.open(ours.getPrivate(), UUID.randomUUID(), envelope)).isEqualTo(CONTENT);
        assertKind(() -> CmsEnvelopes.open(TestKeys.another(GenerateKeyType.EC_P256).getPrivate(), KEY_ID, envelope),
                ErrorKind.UNAUTHENTICATED);
    }

    @Test
    void givenSeveralRecipientsNamedByUuid_whenOpened_thenOnlyTheMatchingOneIsUsed() throws Exception {
        // given
        KeyPair other = TestKeys.another(GenerateKeyType.RSA_2048);
        KeyPair ours = TestKeys.rsa();
        UUID otherId = UUID.randomUUID();
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(oaepRecipient(uuidBytes(otherId), other.getPublic()));
        generator.addRecipientInfoGenerator(oaepRecipient(uuidBytes(KEY_ID), ours.getPublic()));
        Bytes envelope = generate(generator, CMSAlgorithm.AES128_CBC);

        // when / then
        assertThat(CmsEnvelopes.open(ours.getPrivate(), KEY_ID, envelope)).isEqualTo(CONTENT);
        assertThat(CmsEnvelopes.open(other.getPrivate(), otherId, envelope)).isEqualTo(CONTENT);
        assertKind(() -> CmsEnvelopes.open(ours.getPrivate(), otherId, envelope), ErrorKind.UNAUTHENTICATED);
    }

    @Test
    void givenMoreRecipientInfosThanTheLimit_whenOpened_thenMalformed() throws Exception {
        KeyPair ours = TestKeys.rsa();
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        for (int i = 0; i <= CmsEnvelopes.MAX_RECIPIENT_INFOS; i++) {
            generator.addRecipientInfoGenerator(oaepRecipient(uuidBytes(KEY_ID), ours.getPublic()));
        }
        Bytes envelope = generate(generator, CMSAlgorithm.AES128_CBC);

        assertKind(() -> CmsEnvelopes.open(ours.getPrivate(), KEY_ID, envelope), ErrorKind.MALFORMED);
    }

    @Test
    void givenAKeyThatIsNeitherEcNorRsa_whenSealing_thenIllegalArgument() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("Ed25519", "SunEC");
        KeyPair ed = generator.generateKeyPair();

        assertThatThrownBy(() -> CmsEnvelopes.seal(ed.getPublic(), KEY_ID, CONTENT, CmsOptions.DEFAULT, TestKeys.RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CmsEnvelopes.open(ed.getPrivate(), KEY_ID, Bytes.fromHex("3000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Bytes envelope(RecipientInfoGenerator recipient, org.bouncycastle.asn1.ASN1ObjectIdentifier contentCipher) throws Exception {
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(recipient);
        return generate(generator, contentCipher);
    }

    private static Bytes generate(CMSEnvelopedDataGenerator generator, org.bouncycastle.asn1.ASN1ObjectIdentifier contentCipher) throws Exception {
        var encryptor = new JceCMSContentEncryptorBuilder(contentCipher).setProvider(BouncyCastle.provider()).build();
        return Bytes.of(generator.generate(new CMSProcessableByteArray(CONTENT), encryptor).toASN1Structure().getEncoded(ASN1Encoding.DER));
    }

    private static RecipientInfoGenerator oaepRecipient(byte[] keyId, PublicKey key) {
        return new JceKeyTransRecipientInfoGenerator(keyId, new JceAsymmetricKeyWrapper(oaep256(), key).setProvider(BouncyCastle.provider()));
    }

    private static AlgorithmIdentifier oaep256() {
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, new RSAESOAEPparams(sha256,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256), RSAESOAEPparams.DEFAULT_P_SOURCE_ALGORITHM));
    }

    private static org.bouncycastle.asn1.ASN1ObjectIdentifier digestOid(String digest) {
        return switch (digest) {
            case "SHA-256" -> NISTObjectIdentifiers.id_sha256;
            case "SHA-384" -> NISTObjectIdentifiers.id_sha384;
            default -> NISTObjectIdentifiers.id_sha512;
        };
    }

    /** The encryptedKey octets of the first recipient info. */
    private static byte[] encryptedKey(byte[] der) {
        EnvelopedData enveloped = EnvelopedData.getInstance(ContentInfo.getInstance(der).getContent());
        RecipientInfo recipient = RecipientInfo.getInstance(enveloped.getRecipientInfos().getObjectAt(0));
        if (recipient.getInfo() instanceof KeyTransRecipientInfo) {
            return KeyTransRecipientInfo.getInstance(recipient.getInfo()).getEncryptedKey().getOctets();
        }
        KeyAgreeRecipientInfo agree = KeyAgreeRecipientInfo.getInstance(recipient.getInfo());
        return RecipientEncryptedKey.getInstance(agree.getRecipientEncryptedKeys().getObjectAt(0)).getEncryptedKey().getOctets();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
