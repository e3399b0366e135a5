package org.assure.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.math.BigInteger;

import org.assure.core.model.GenerateKeyType;
import org.assure.core.model.KeyFormat;
import org.assure.core.model.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyGenerationTest {

    @ParameterizedTest
    @EnumSource(GenerateKeyType.class)
    void givenAKeyType_whenGenerated_thenThePairMatchesAndHasTheRequestedShape(GenerateKeyType type) throws Exception {
        // when
        KeyPair pair = KeyGeneration.generate(type, TestKeys.RANDOM);

        // then
        assertThat(Keys.matches(pair.getPublic(), pair.getPrivate())).isTrue();
        if (type == GenerateKeyType.RSA_2048) {
            RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
            assertThat(rsa.getModulus().bitLength()).isEqualTo(2048);
            assertThat(rsa.getPublicExponent()).isEqualTo(BigInteger.valueOf(65_537));
            assertThat(Keys.format(pair.getPublic())).isEqualTo(KeyFormat.RSA);
        } else {
            assertThat(Keys.curve(pair.getPublic())).isEqualTo(EcCurve.of(type));
            assertThat(Keys.curve(pair.getPublic()).generateKeyType()).isEqualTo(type);
        }
    }

    @ParameterizedTest
    @EnumSource(value = GenerateKeyType.class, names = {"EC_P256", "EC_P384", "EC_P521"})
    void givenTwoGenerations_thenTheKeysDiffer(GenerateKeyType type) {
        assertThat(KeyGeneration.generate(type, TestKeys.RANDOM).getPublic())
                .isNotEqualTo(KeyGeneration.generate(type, TestKeys.RANDOM).getPublic());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 32, 65_536})
    void givenALength_whenARandomSecretIsMade_thenItHasThatLength(int length) {
        SecretBytes secret = KeyGeneration.randomSecret(length, TestKeys.RANDOM);

        assertThat(secret.length()).isEqualTo(length);
    }

    @Test
    void givenTwoRandomSecrets_thenTheyDiffer() {
        assertThat(KeyGeneration.randomSecret(16, TestKeys.RANDOM)).isNotEqualTo(KeyGeneration.randomSecret(16, TestKeys.RANDOM));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_537})
    void givenALengthOutOfRange_whenARandomSecretIsMade_thenIllegalArgument(int length) {
        assertThatThrownBy(() -> KeyGeneration.randomSecret(length, TestKeys.RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTheRsaType_whenAskedForItsCurve_thenIllegalArgument() {
        assertThatThrownBy(() -> EcCurve.of(GenerateKeyType.RSA_2048)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenCurveOids_whenLookedUp_thenOnlyTheThreeProfileCurvesAreFound() {
        assertThat(EcCurve.fromOid("1.2.840.10045.3.1.7")).contains(EcCurve.P_256);
        assertThat(EcCurve.fromOid("1.3.132.0.34")).contains(EcCurve.P_384);
        assertThat(EcCurve.fromOid("1.3.132.0.35")).contains(EcCurve.P_521);
        assertThat(EcCurve.fromOid("1.3.132.0.10")).isEmpty();
    }
}
