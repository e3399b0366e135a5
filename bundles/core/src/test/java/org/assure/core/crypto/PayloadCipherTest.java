package org.assure.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assure.core.crypto.KeysTest.assertKind;

import java.util.Arrays;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.assure.core.error.ErrorKind;
import org.assure.core.model.Bytes;
import org.assure.core.model.CipherSuite;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadCipherTest {
    private static final byte[] PLAINTEXT = "[h'coap message 0', h'coap message 1'] – forty-odd bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    static Stream<Vectors.Vector> cbcVectors() {
        return Vectors.load("aes-cbc-openssl.json").stream();
    }

    static Stream<Vectors.Vector> gcmVectors() {
        return Vectors.load("aes-gcm.json").stream();
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void givenEverySuite_whenEncryptedAndDecrypted_thenThePlaintextComesBackWithTheProfilesSizes(CipherSuite suite) throws Exception {
        // given
        SecretBytes key = KeyGeneration.randomSecret(suite.keyLength(), TestKeys.RANDOM);

        for (int length : new int[] {0, 1, 15, 16, 17, PLAINTEXT.length}) {
            byte[] plaintext = Arrays.copyOf(PLAINTEXT, length);

            // when
            PayloadCipher.Sealed sealed = PayloadCipher.encrypt(suite, key, plaintext, TestKeys.RANDOM);
            byte[] decrypted = PayloadCipher.decrypt(suite, key, sealed.iv(), sealed.tag(), sealed.ciphertext());

            // then
            assertThat(decrypted).isEqualTo(plaintext);
            assertThat(sealed.iv().length()).isEqualTo(suite.mode() == CipherSuite.Mode.CBC ? 16 : 12);
            assertThat(sealed.tag().length()).isEqualTo(suite.mode() == CipherSuite.Mode.CBC ? 0 : 16);
            int expectedLength = suite.mode() == CipherSuite.Mode.CBC ? (length / 16 + 1) * 16 : length;
            assertThat(sealed.ciphertext().length()).isEqualTo(expectedLength);
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void givenTwoEncryptions_thenIvsDiffer(CipherSuite suite) {
        SecretBytes key = KeyGeneration.randomSecret(suite.keyLength(), TestKeys.RANDOM);

        PayloadCipher.Sealed a = PayloadCipher.encrypt(suite, key, PLAINTEXT, TestKeys.RANDOM);
        PayloadCipher.Sealed b = PayloadCipher.encrypt(suite, key, PLAINTEXT, TestKeys.RANDOM);

        assertThat(a.iv()).isNotEqualTo(b.iv());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    @ParameterizedTest
    @MethodSource("cbcVectors")
    void givenAnOpenSslCbcVector_whenDecrypted_thenThePlaintextIsOpenSsls(Vectors.Vector vector) throws Exception {
        CipherSuite suite = CipherSuite.valueOf(vector.text("suite"));

        byte[] plaintext = PayloadCipher.decrypt(suite, SecretBytes.of(vector.hex("key")), Bytes.of(vector.hex("iv")), Bytes.EMPTY,
                Bytes.of(vector.hex("ciphertext")));

        assertThat(plaintext).isEqualTo(vector.hex("plaintext"));
    }

    @ParameterizedTest
    @MethodSource("gcmVectors")
    void givenAGcmSpecificationVector_whenDecrypted_thenThePlaintextIsTheSpecifications(Vectors.Vector vector) throws Exception {
        CipherSuite suite = CipherSuite.valueOf(vector.text("suite"));

        byte[] plaintext = PayloadCipher.decrypt(suite, SecretBytes.of(vector.hex("key")), Bytes.of(vector.hex("iv")),
                Bytes.of(vector.hex("tag")), Bytes.of(vector.hex("ciphertext")));

        assertThat(plaintext).isEqualTo(vector.hex("plaintext"));
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"AES_128_CBC", "AES_192_CBC", "AES_256_CBC", "AES_128_GCM", "AES_192_GCM", "AES_256_GCM"})
    void givenOurCiphertext_whenTheJdkDecryptsIt_thenItAgrees(CipherSuite suite) throws Exception {
        // given: SunJCE as an implementation independent of BouncyCastle
        byte[] key = KeyGeneration.randomSecret(suite.keyLength(), TestKeys.RANDOM).toByteArray();
        PayloadCipher.Sealed sealed = PayloadCipher.encrypt(suite, SecretBytes.of(key), PLAINTEXT, TestKeys.RANDOM);

        // when
        Cipher jdk;
        if (suite.mode() == CipherSuite.Mode.CBC) {
            jdk = Cipher.getInstance("AES/CBC/PKCS5Padding", "SunJCE");
            jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(sealed.iv().toByteArray()));
        } else {
            jdk = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            jdk.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed.iv().toByteArray()));
        }
        byte[] plaintext = jdk.doFinal(concat(sealed.ciphertext().toByteArray(), sealed.tag().toByteArray()));

        // then
        assertThat(plaintext).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"AES_128_CCM", "AES_192_CCM", "AES_256_CCM", "AES_128_GCM", "AES_192_GCM", "AES_256_GCM"})
    void givenATamperedAeadPayload_whenDecrypted_thenUnauthenticated(CipherSuite suite) {
        // given
        SecretBytes key = KeyGeneration.randomSecret(suite.keyLength(), TestKeys.RANDOM);
        PayloadCipher.Sealed sealed = PayloadCipher.encrypt(suite, key, PLAINTEXT, TestKeys.RANDOM);

        // when / then
        assertKind(() -> PayloadCipher.decrypt(suite, key, sealed.iv(), flip(sealed.tag(), 0), sealed.ciphertext()), ErrorKind.UNAUTHENTICATED);
        assertKind(() -> PayloadCipher.decrypt(suite, key, sealed.iv(), sealed.tag(), flip(sealed.ciphertext(), 5)), ErrorKind.UNAUTHENTICATED);
        assertKind(() -> PayloadCipher.decrypt(suite, key, flip(sealed.iv(), 11), sealed.tag(), sealed.ciphertext()), ErrorKind.UNAUTHENTICATED);
        SecretBytes otherKey = KeyGeneration.randomSecret(suite.keyLength(), TestKeys.RANDOM);
        assertKind(() -> PayloadCipher.decrypt(suite, otherKey, sealed.iv(), sealed.tag(), sealed.ciphertext()), ErrorKind.UNAUTHENTICATED);
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"AES_128_CBC", "AES_192_CBC", "AES_256_CBC"})
    void givenCbcWithBadPaddingOrBadTag_whenDecrypted_thenTheSameUnauthenticatedMessage(CipherSuite suite) throws Exception {
        // given: one block whose plaintext ends in 0x00, which no PKCS#7 padding does (built with SunJCE, no padding)
        byte[] key = KeyGeneration.randomSecret(suite.keyLength(), TestKeys.RANDOM).toByteArray();
        byte[] iv = new byte[16];
        Cipher jdk = Cipher.getInstance("AES/CBC/NoPadding", "SunJCE");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] badPadding = jdk.doFinal(new byte[16]);
        CipherSuite gcm = Arrays.stream(CipherSuite.values())
                .filter(s -> s.mode() == CipherSuite.Mode.GCM && s.keyLength() == suite.keyLength()).findFirst().orElseThrow();
        PayloadCipher.Sealed sealed = PayloadCipher.encrypt(gcm, SecretBytes.of(key), PLAINTEXT, TestKeys.RANDOM);

        // when
        Throwable padding = catchCrypto(() -> PayloadCipher.decrypt(suite, SecretBytes.of(key), Bytes.of(iv), Bytes.EMPTY, Bytes.of(badPadding)));
        Throwable tag = catchCrypto(() -> PayloadCipher.decrypt(gcm, SecretBytes.of(key), sealed.iv(), flip(sealed.tag(), 3), sealed.ciphertext()));

        // then
        assertThat(((CryptoException) padding).kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        assertThat(padding.getMessage()).isEqualTo(tag.getMessage());
        assertThat(padding.getCause()).isNull();
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void givenWrongIvOrTagLengths_whenDecrypted_thenMalformed(CipherSuite suite) {
        // given
        SecretBytes key = KeyGeneration.randomSecret(suite.keyLength(), TestKeys.RANDOM);
        PayloadCipher.Sealed sealed = PayloadCipher.encrypt(suite, key, PLAINTEXT, TestKeys.RANDOM);
        Bytes longerIv = Bytes.of(Arrays.copyOf(sealed.iv().toByteArray(), sealed.iv().length() + 1));
        Bytes shorterIv = Bytes.of(Arrays.copyOf(sealed.iv().toByteArray(), sealed.iv().length() - 1));
        Bytes otherTag = Bytes.of(new byte[suite.mode() == CipherSuite.Mode.CBC ? 16 : 12]);

        // when / then
        assertKind(() -> PayloadCipher.decrypt(suite, key, longerIv, sealed.tag(), sealed.ciphertext()), ErrorKind.MALFORMED);
        assertKind(() -> PayloadCipher.decrypt(suite, key, shorterIv, sealed.tag(), sealed.ciphertext()), ErrorKind.MALFORMED);
        assertKind(() -> PayloadCipher.decrypt(suite, key, sealed.iv(), otherTag, sealed.ciphertext()), ErrorKind.MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, names = {"AES_128_CBC", "AES_192_CBC", "AES_256_CBC"})
    void givenACbcCiphertextThatIsNotWholeBlocks_whenDecrypted_thenMalformed(CipherSuite suite) {
        SecretBytes key = KeyGeneration.randomSecret(suite.keyLength(), TestKeys.RANDOM);
        Bytes iv = Bytes.of(new byte[16]);

        assertKind(() -> PayloadCipher.decrypt(suite, key, iv, Bytes.EMPTY, Bytes.of(new byte[17])), ErrorKind.MALFORMED);
        assertKind(() -> PayloadCipher.decrypt(suite, key, iv, Bytes.EMPTY, Bytes.EMPTY), ErrorKind.MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void givenAKeyOfAnotherLength_whenUsed_thenIllegalArgumentOnEncryptAndMalformedOnDecrypt(CipherSuite suite) {
        SecretBytes key = KeyGeneration.randomSecret(suite.keyLength() == 32 ? 16 : suite.keyLength() + 8, TestKeys.RANDOM);
        Bytes iv = Bytes.of(new byte[suite.mode().ivLength()]);
        Bytes tag = Bytes.of(new byte[suite.mode().tagLength()]);

        assertThatThrownBy(() -> PayloadCipher.encrypt(suite, key, PLAINTEXT, TestKeys.RANDOM)).isInstanceOf(IllegalArgumentException.class);
        assertKind(() -> PayloadCipher.decrypt(suite, key, iv, tag, Bytes.of(new byte[32])), ErrorKind.MALFORMED);
    }

    @Test
    void givenTheSealedRecord_thenItRejectsNulls() {
        assertThatThrownBy(() -> new PayloadCipher.Sealed(null, Bytes.EMPTY, Bytes.EMPTY)).isInstanceOf(NullPointerException.class);
    }

    private static Throwable catchCrypto(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(CryptoException.class);
        return thrown;
    }

    private static Bytes flip(Bytes value, int index) {
        byte[] bytes = value.toByteArray();
        bytes[index] ^= 0x40;
        return Bytes.of(bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
