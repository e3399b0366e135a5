package org.assure.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assure.core.crypto.KeysTest.assertKind;

import java.util.stream.Stream;

import org.assure.core.error.ErrorKind;
import org.assure.core.model.Bytes;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDerivationTest {
    private static final SecretBytes REFERENCE = SecretBytes.of(new byte[] {0, (byte) 0xff, 1, (byte) 0xfe, 2, (byte) 0xfd, 3, (byte) 0xfc,
        4, (byte) 0xfb, 5, (byte) 0xfa, 6, (byte) 0xf9, 7, (byte) 0xf8});
    private static final Bytes SALT = Bytes.fromHex("00112233ffeeddcc");

    static Stream<Vectors.Vector> pbkdf2Vectors() {
        return Vectors.load("pbkdf2-hmac-sha256.json").stream();
    }

    static Stream<Vectors.Vector> derivationVectors() {
        return Vectors.load("derivation.json").stream();
    }

    @ParameterizedTest
    @MethodSource("pbkdf2Vectors")
    void givenAPublishedOrOpenSslVector_whenPbkdf2Runs_thenTheKeyIsTheExpectedOne(Vectors.Vector vector) {
        // when
        byte[] derived = SecretDerivation.pbkdf2Sha256(vector.hex("password"), vector.hex("salt"), vector.integer("iterations"),
                vector.integer("length"));

        // then
        assertThat(Bytes.of(derived).toHex()).isEqualTo(vector.text("expected"));
    }

    @ParameterizedTest
    @MethodSource("derivationVectors")
    void givenADerivationVector_whenDerived_thenTheSecretIsRecovered(Vectors.Vector vector) throws Exception {
        // given
        SecretBytes reference = SecretBytes.of(vector.hex("referenceSecret"));
        Bytes salt = Bytes.of(vector.hex("salt"));

        // when
        SecretBytes secret = SecretDerivation.derive(reference, salt, vector.integer("iterations"), Bytes.of(vector.hex("encryptedSecret")));
        Bytes concealed = SecretDerivation.conceal(reference, salt, vector.integer("iterations"), SecretBytes.of(vector.hex("secret")));

        // then
        assertThat(secret).isEqualTo(SecretBytes.of(vector.hex("secret")));
        assertThat(concealed.toHex()).isEqualTo(vector.text("encryptedSecret"));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 31, 32, 33, 48, 64})
    void givenASecret_whenConcealedAndDerived_thenTheSameSecretComesBack(int length) throws Exception {
        // given
        SecretBytes secret = KeyGeneration.randomSecret(length, TestKeys.RANDOM);

        // when
        Bytes encrypted = SecretDerivation.conceal(REFERENCE, SALT, 3, secret);
        SecretBytes derived = SecretDerivation.derive(REFERENCE, SALT, 3, encrypted);

        // then
        assertThat(encrypted.length()).isEqualTo(length);
        assertThat(encrypted.toByteArray()).isNotEqualTo(secret.toByteArray());
        assertThat(derived).isEqualTo(secret);
    }

    @Test
    void givenTheSameEncryptedSecret_whenAnyInputChanges_thenAnotherSecretComesOut() throws Exception {
        // given
        SecretBytes secret = KeyGeneration.randomSecret(32, TestKeys.RANDOM);
        Bytes encrypted = SecretDerivation.conceal(REFERENCE, SALT, 10, secret);
        byte[] otherReference = REFERENCE.toByteArray();
        otherReference[15] ^= 1;

        // when / then
        assertThat(SecretDerivation.derive(SecretBytes.of(otherReference), SALT, 10, encrypted)).isNotEqualTo(secret);
        assertThat(SecretDerivation.derive(REFERENCE, Bytes.fromHex("00112233ffeeddcd"), 10, encrypted)).isNotEqualTo(secret);
        assertThat(SecretDerivation.derive(REFERENCE, SALT, 11, encrypted)).isNotEqualTo(secret);
    }

    @Test
    void givenDefaultIterations_thenTheyAreTheProfilesDefault() {
        assertThat(SecretDerivation.DEFAULT_ITERATIONS).isEqualTo(4096);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 10_000_001, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32})
    void givenIterationsOutOfRange_whenDerivedOrConcealed_thenMalformed(long iterations) {
        SecretBytes secret = SecretBytes.of(new byte[16]);
        Bytes encrypted = Bytes.of(new byte[16]);

        assertKind(() -> SecretDerivation.derive(REFERENCE, SALT, iterations, encrypted), ErrorKind.MALFORMED);
        assertKind(() -> SecretDerivation.conceal(REFERENCE, SALT, iterations, secret), ErrorKind.MALFORMED);
    }

    @Test
    void givenOneIteration_whenDerived_thenItIsAccepted() throws Exception {
        SecretBytes derived = SecretDerivation.derive(REFERENCE, Bytes.EMPTY, 1, Bytes.of(new byte[16]));

        assertThat(Bytes.of(derived.toByteArray()).toHex())
                .isEqualTo(Bytes.of(SecretDerivation.pbkdf2Sha256(REFERENCE.toByteArray(), new byte[0], 1, 16)).toHex());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 65, 1024})
    void givenAnEncryptedSecretOfABadLength_whenDerived_thenMalformed(int length) {
        assertKind(() -> SecretDerivation.derive(REFERENCE, SALT, 1, Bytes.of(new byte[length])), ErrorKind.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 65})
    void givenASecretOfABadLength_whenConcealed_thenIllegalArgument(int length) {
        assertThatThrownBy(() -> SecretDerivation.conceal(REFERENCE, SALT, 1, SecretBytes.of(new byte[length])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAnEmptyReferenceSecret_whenUsed_thenIllegalArgument() {
        assertThatThrownBy(() -> SecretDerivation.derive(SecretBytes.EMPTY, SALT, 1, Bytes.of(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretDerivation.conceal(SecretBytes.EMPTY, SALT, 1, SecretBytes.of(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenBadRawArguments_whenPbkdf2Runs_thenIllegalArgument() {
        assertThatThrownBy(() -> SecretDerivation.pbkdf2Sha256(new byte[1], new byte[1], 0, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretDerivation.pbkdf2Sha256(new byte[1], new byte[1], 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenACallersPassword_whenPbkdf2Runs_thenTheCallersArrayIsUntouched() {
        byte[] password = {1, 2, 3};

        SecretDerivation.pbkdf2Sha256(password, new byte[] {4}, 1, 32);

        assertThat(password).containsExactly(1, 2, 3);
    }
}
